package org.decoop.events.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.decoop.events.FundingSource;
import org.decoop.events.Theme;

/** A steward published a call for funding. */
public record FundingCallPublished(String callId, long version, String code, String title, FundingSource funder,
		Set<Theme> themes, Set<String> eligibleCountries, LocalDate opensOn, LocalDate closesOn, BigDecimal maxGrantEur,
		BigDecimal maxCoFinancingRate, Instant occurredAt) implements FundingCallEvent {
}
