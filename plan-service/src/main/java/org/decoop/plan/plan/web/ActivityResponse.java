package org.decoop.plan.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.Theme;
import org.decoop.plan.plan.domain.Activity;
import org.decoop.plan.plan.domain.FundingLine;
import org.jspecify.annotations.Nullable;

public record ActivityResponse(String id, String title, Theme theme, List<String> partnershipIds,
		@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, List<FundingLine> funding, BigDecimal totalEur,
		@Nullable LocalDate completedOn) {

	public static ActivityResponse of(Activity activity) {
		return new ActivityResponse(activity.id().value(), activity.title(), activity.theme(),
				activity.partnershipIds(), activity.startsOn(), activity.endsOn(), activity.funding(),
				activity.totalEur(), activity.completedOn());
	}
}
