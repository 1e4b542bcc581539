package org.decoop.plan.plan.web;

import java.math.BigDecimal;
import java.util.Map;

import org.decoop.events.FundingSource;
import org.decoop.events.Theme;

public record Totals(BigDecimal totalEur, Map<FundingSource, BigDecimal> bySourceEur,
		Map<Theme, BigDecimal> byThemeEur) {
}
