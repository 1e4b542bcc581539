package org.decoop.plan.plan.web;

import java.math.BigDecimal;
import java.util.Map;

import org.decoop.events.FundingSource;
import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.plan.plan.domain.PlanStatistics;

/**
 * What {@code GET /api/plans/stats} answers. {@code eurByCall}: the EUR of the funding
 * lines that name a funding call, by the call's code (only calls some line names).
 */
public record PlanStatisticsResponse(Integer year, Map<PlanStatus, Long> plansByStatus,
		Map<Theme, BigDecimal> fundingByThemeEur, Map<FundingSource, BigDecimal> fundingBySourceEur,
		BigDecimal totalFundingEur, Map<String, BigDecimal> eurByCall) {

	public static PlanStatisticsResponse of(PlanStatistics statistics) {
		return new PlanStatisticsResponse(statistics.year(), statistics.plansByStatus(), statistics.fundingByThemeEur(),
				statistics.fundingBySourceEur(), statistics.totalFundingEur(), statistics.eurByCall());
	}
}
