package org.decoop.plan.plan.domain;

import org.decoop.platform.domain.AggregateId;

/** Opaque id of an action plan; also the Kafka key of its events. */
public record PlanId(String value) implements AggregateId {

	@Override
	public String toString() {
		return value;
	}
}
