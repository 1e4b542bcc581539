package org.decoop.partnership.localauthority.domain;

import org.decoop.platform.domain.AggregateId;

/** Opaque id of a local authority. */
public record LocalAuthorityId(String value) implements AggregateId {

	@Override
	public String toString() {
		return value;
	}
}
