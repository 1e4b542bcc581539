package org.decoop.events.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.decoop.events.FundingSource;
import org.decoop.events.Theme;

/** A funding call closes in {@code daysLeft} days: published once per call. */
public record FundingCallClosingSoon(String callId, long version, String code, String title, FundingSource funder,
		Set<Theme> themes, Set<String> eligibleCountries, LocalDate opensOn, LocalDate closesOn, int daysLeft,
		Instant occurredAt) implements FundingCallEvent {
}
