package org.decoop.partnership.partnership.web;

import java.util.Map;

import org.decoop.events.PartnershipStatus;
import org.decoop.partnership.partnership.domain.PartnershipStatistics;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code GET /api/partnerships/stats} answers: open data, as the plans' statistics.
 */
public record PartnershipStatisticsResponse(@Schema(
		description = "The year asked for; null: every partnership, with its status now") @Nullable Integer year,
		@Schema(description = "How many partnerships are counted") long total,
		@Schema(description = "How many with each status (every status, 0 included)") Map<PartnershipStatus, Long> partnershipsByStatus,
		@Schema(description = "By ISO 3166-1 alpha-2 country of a partner, how many with each status: a partnership counts once in each of its partners' countries, so these add up to more than total") Map<String, Map<PartnershipStatus, Long>> partnershipsByCountry) {

	public static PartnershipStatisticsResponse of(PartnershipStatistics statistics) {
		return new PartnershipStatisticsResponse(statistics.year(), statistics.total(),
				statistics.partnershipsByStatus(), statistics.partnershipsByCountry());
	}
}
