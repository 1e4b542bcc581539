package org.decoop.plan.plan.web;

import java.math.BigDecimal;

import org.decoop.events.FundingSource;
import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * {@code callId}: the funding call the money comes from, if any; the line must then
 * follow the call's rules (422 naming the line otherwise), and the call must be OPEN when
 * the plan is signed.
 */
public record FundingRequest(@NotNull FundingSource source,
		@NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amountEur,
		@Size(min = 1, max = 64) @Nullable String callId) {
}
