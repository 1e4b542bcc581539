package org.decoop.events.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.DecoopEvent;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.jspecify.annotations.Nullable;

/** Events of {@code plan-events}, keyed by plan id. */
public sealed interface PlanEvent extends DecoopEvent
		permits PlanDrafted, PlanSignatureRecorded, PlanSigned, ActivityCompleted, PlanCompleted, PlanCancelled {

	String planId();

	/** The plan's version after this change: 0 when drafted, then +1 per change. */
	long version();

	@Override
	default String aggregateId() {
		return planId();
	}

	/** A signing party of a plan, e.g. {@code AMBAFRANCE-RS}. */
	record Party(String code, String name) {
	}

	/** A party with its signature. */
	record SignedParty(String code, String name, String signedBy, Instant signedAt) {
	}

	/**
	 * One funding line of an activity, in EUR. {@code callId} names the funding call the
	 * money comes from, if any (added in wave 2; null before).
	 */
	record Funding(FundingSource source, BigDecimal amountEur, @Nullable String callId) {

		public Funding(FundingSource source, BigDecimal amountEur) {
			this(source, amountEur, null);
		}
	}

	/**
	 * An activity of a plan with the partnerships it involves and its funding.
	 * {@code vouchedBySteward}: a steward drafted the plan with it or added it, so the
	 * partnerships it names need no party among their partners (added in wave 3; null in
	 * events from before).
	 */
	record Activity(String id, String title, Theme theme, List<String> partnershipIds, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, List<Funding> funding, @Nullable Boolean vouchedBySteward) {

		public Activity(String id, String title, Theme theme, List<String> partnershipIds, @Nullable LocalDate startsOn,
				@Nullable LocalDate endsOn, List<Funding> funding) {
			this(id, title, theme, partnershipIds, startsOn, endsOn, funding, null);
		}
	}

}
