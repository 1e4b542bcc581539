package org.decoop.plan.fundingcall.domain;

import org.decoop.platform.domain.AggregateId;

/**
 * Opaque id of a funding call; also the Kafka key of its events and what a funding line
 * names as {@code callId}.
 */
public record FundingCallId(String value) implements AggregateId {

	@Override
	public String toString() {
		return value;
	}
}
