package org.decoop.partnership.search.domain;

import java.util.Objects;
import java.util.UUID;

import org.decoop.platform.domain.AggregateId;

/** Opaque id of a partner search; also the Kafka key of its events. */
public record PartnerSearchId(String value) implements AggregateId {

	public PartnerSearchId {
		Objects.requireNonNull(value, "value");
	}

	public static PartnerSearchId newId() {
		return new PartnerSearchId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return value;
	}
}
