package org.decoop.partnership.localauthority.domain;

import java.util.Objects;
import java.util.UUID;

import org.decoop.platform.domain.AggregateId;

/** Opaque id of a local authority. */
public record LocalAuthorityId(String value) implements AggregateId {

	public LocalAuthorityId {
		Objects.requireNonNull(value, "value");
	}

	public static LocalAuthorityId newId() {
		return new LocalAuthorityId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return value;
	}
}
