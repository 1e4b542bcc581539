package org.decoop.plan.plan.domain;

/** Id of an activity, unique within its plan. */
public record ActivityId(String value) {

	@Override
	public String toString() {
		return value;
	}
}
