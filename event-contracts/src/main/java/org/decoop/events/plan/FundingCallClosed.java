package org.decoop.events.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.decoop.events.FundingSource;
import org.decoop.events.Theme;

/** A funding call closed: its {@code closesOn} day is over. Published once per call. */
public record FundingCallClosed(String callId, long version, String code, String title, FundingSource funder,
		Set<Theme> themes, Set<String> eligibleCountries, LocalDate opensOn, LocalDate closesOn,
		Instant occurredAt) implements FundingCallEvent {
}
