package org.decoop.plan.fundingcall.domain;

import java.util.Objects;
import java.util.UUID;

import org.decoop.platform.domain.AggregateId;

/**
 * Opaque id of a funding call; also the Kafka key of its events and what a funding line
 * names as {@code callId}.
 */
public record FundingCallId(String value) implements AggregateId {

	public FundingCallId {
		Objects.requireNonNull(value, "value");
	}

	public static FundingCallId newId() {
		return new FundingCallId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return value;
	}
}
