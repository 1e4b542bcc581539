package org.decoop.partnership.partnership.domain;

import java.util.Map;

import org.decoop.events.PartnershipStatus;
import org.jspecify.annotations.Nullable;

/**
 * The partnerships counted by status, and by country of their partners then status, of
 * every year ({@code year} null: each with its status now) or of one. A partnership
 * counts for a year when it had begun by the year's end ({@code since}, else its
 * establishment) and had not ENDED before the year began; it is counted with its status
 * at the year's end (UTC), taken from its history (a partnership recorded after that year
 * with an earlier {@code since} counts as ACTIVE). A partnership counts once in each
 * country of its partners: the countries' counts add up to more than {@code total}.
 */
public record PartnershipStatistics(@Nullable Integer year, long total,
		Map<PartnershipStatus, Long> partnershipsByStatus,
		Map<String, Map<PartnershipStatus, Long>> partnershipsByCountry) {

	/** The earliest year asked for: no partnership dates from before. */
	public static final int FIRST_YEAR = Partnership.FIRST_YEAR;

	public static final int LAST_YEAR = 2100;

}
