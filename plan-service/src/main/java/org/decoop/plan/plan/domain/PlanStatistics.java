package org.decoop.plan.plan.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.decoop.events.FundingSource;
import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;

/**
 * The plans counted by status and their funding totalled by theme, by source and by
 * funding call. {@code eurByCall}: the EUR of the funding lines that name a funding call,
 * by call (only calls some line names).
 */
public record PlanStatistics(Integer year, Map<PlanStatus, Long> plansByStatus,
		Map<Theme, BigDecimal> fundingByThemeEur, Map<FundingSource, BigDecimal> fundingBySourceEur,
		BigDecimal totalFundingEur, Map<String, BigDecimal> eurByCall) {

	/** The same figures with each call's key renamed (its id to its code). */
	public PlanStatistics withCallsNamed(UnaryOperator<String> name) {
		Map<String, BigDecimal> renamed = new TreeMap<>();
		eurByCall.forEach((call, eur) -> renamed.merge(name.apply(call), eur, BigDecimal::add));
		return new PlanStatistics(year, plansByStatus, fundingByThemeEur, fundingBySourceEur, totalFundingEur, renamed);
	}
}
