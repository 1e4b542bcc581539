package org.decoop.events.plan;

import java.time.LocalDate;
import java.util.Set;

import org.decoop.events.DecoopEvent;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;

/**
 * Events of a funding call, published by plan-service on {@code plan-events} beside the
 * plan events, keyed by call id. Each carries what a consumer needs to match it (funder,
 * themes, eligible countries) and its dates.
 */
public sealed interface FundingCallEvent extends DecoopEvent
		permits FundingCallPublished, FundingCallClosingSoon, FundingCallClosed {

	String callId();

	/** The call's version after this change: 0 when published, then +1 per change. */
	long version();

	/** The call's stable, human code, e.g. {@code MEAE-FR-RS-2020}. */
	String code();

	String title();

	FundingSource funder();

	Set<Theme> themes();

	/** Countries whose local authorities may apply, ISO 3166-1 alpha-2. */
	Set<String> eligibleCountries();

	LocalDate opensOn();

	LocalDate closesOn();

	@Override
	default String aggregateId() {
		return callId();
	}

}
