package org.decoop.plan.fundingcall.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.plan.fundingcall.domain.FundingCallStatus;

/**
 * {@code status}: on the day of the answer (UTC); {@code publishedBy}: the steward's
 * name.
 */
public record FundingCallResponse(String id, long version, String code, String title, FundingSource funder,
		Set<Theme> themes, Set<String> eligibleCountries, LocalDate opensOn, LocalDate closesOn, BigDecimal maxGrantEur,
		BigDecimal maxCoFinancingRate, FundingCallStatus status, Instant publishedAt, String publishedBy) {

	public static FundingCallResponse of(FundingCall call, LocalDate today) {
		return new FundingCallResponse(call.id().value(), call.version(), call.code(), call.title(), call.funder(),
				call.themes(), call.eligibleCountries(), call.opensOn(), call.closesOn(), call.maxGrantEur(),
				call.maxCoFinancingRate(), call.statusOn(today), call.publishedAt(), call.publishedBy());
	}
}
