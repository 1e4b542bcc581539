package org.decoop.partnership.partnership.domain;

import org.decoop.platform.domain.AggregateId;

/** Opaque id of a partnership; also the Kafka key of its events. */
public record PartnershipId(String value) implements AggregateId {

	@Override
	public String toString() {
		return value;
	}
}
