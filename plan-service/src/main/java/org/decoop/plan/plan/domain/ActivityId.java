package org.decoop.plan.plan.domain;

import java.util.Objects;
import java.util.UUID;

/** Id of an activity, unique within its plan. */
public record ActivityId(String value) {

	public ActivityId {
		Objects.requireNonNull(value, "value");
	}

	public static ActivityId newId() {
		return new ActivityId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return value;
	}
}
