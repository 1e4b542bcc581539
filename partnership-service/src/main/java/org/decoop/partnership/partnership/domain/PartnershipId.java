package org.decoop.partnership.partnership.domain;

import java.util.Objects;
import java.util.UUID;

import org.decoop.platform.domain.AggregateId;

/** Opaque id of a partnership; also the Kafka key of its events. */
public record PartnershipId(String value) implements AggregateId {

	public PartnershipId {
		Objects.requireNonNull(value, "value");
	}

	public static PartnershipId newId() {
		return new PartnershipId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return value;
	}
}
