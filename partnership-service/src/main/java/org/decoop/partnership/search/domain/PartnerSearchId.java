package org.decoop.partnership.search.domain;

import org.decoop.platform.domain.AggregateId;

/** Opaque id of a partner search; also the Kafka key of its events. */
public record PartnerSearchId(String value) implements AggregateId {

	@Override
	public String toString() {
		return value;
	}
}
