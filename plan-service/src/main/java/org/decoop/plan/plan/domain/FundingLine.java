package org.decoop.plan.plan.domain;

import java.math.BigDecimal;
import java.util.Objects;

import org.decoop.events.FundingSource;
import org.decoop.platform.domain.InvalidValue;

/** Money for an activity from one source, in EUR with at most two decimals. */
public record FundingLine(FundingSource source, BigDecimal amountEur) {

    public FundingLine {
        Objects.requireNonNull(source, "source");
        if (amountEur == null || amountEur.signum() < 0) {
            throw new InvalidValue("amountEur", "an amount is zero or more");
        }
        if (amountEur.stripTrailingZeros().scale() > 2) {
            throw new InvalidValue("amountEur", "an amount in EUR has at most two decimals");
        }
        amountEur = amountEur.setScale(2);
    }
}
