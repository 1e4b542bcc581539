package org.decoop.plan.plan.domain;

import java.math.BigDecimal;
import java.util.Objects;

import org.decoop.events.FundingSource;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.InvalidValue;
import org.jspecify.annotations.Nullable;

/**
 * Money for an activity from one source, in EUR with at most two decimals. {@code callId}
 * names the funding call the money comes from, if any (the plan then follows the call's
 * rules).
 */
public record FundingLine(FundingSource source, BigDecimal amountEur, @Nullable String callId) {

	public FundingLine {
		Objects.requireNonNull(source, "source");
		if (amountEur == null || amountEur.signum() < 0) {
			throw new InvalidValue("amountEur", Phrase.of("plan.line.amount-negative"));
		}
		if (amountEur.stripTrailingZeros().scale() > 2) {
			throw new InvalidValue("amountEur", Phrase.of("plan.line.amount-decimals"));
		}
		amountEur = amountEur.setScale(2);
		if (callId != null && callId.isBlank()) {
			throw new InvalidValue("callId", Phrase.of("plan.line.call-blank"));
		}
	}

	/** A line that names no funding call. */
	public FundingLine(FundingSource source, BigDecimal amountEur) {
		this(source, amountEur, null);
	}
}
