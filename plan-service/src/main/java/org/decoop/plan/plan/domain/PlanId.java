package org.decoop.plan.plan.domain;

import java.util.Objects;
import java.util.UUID;

import org.decoop.platform.domain.AggregateId;

/** Opaque id of an action plan; also the Kafka key of its events. */
public record PlanId(String value) implements AggregateId {

	public PlanId {
		Objects.requireNonNull(value, "value");
	}

	public static PlanId newId() {
		return new PlanId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return value;
	}
}
