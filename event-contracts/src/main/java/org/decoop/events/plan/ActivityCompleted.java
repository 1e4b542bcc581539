package org.decoop.events.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.Theme;
import org.jspecify.annotations.Nullable;

/**
 * An activity of a signed plan was completed. {@code partyCodes} (the plan's parties) and
 * {@code vouchedBySteward} (as in {@link PlanEvent.Activity}) let a consumer check that
 * the plan may name the partnerships (added in wave 3; null in events from before).
 */
public record ActivityCompleted(String planId, long version, String activityId, String title, Theme theme,
		List<String> partnershipIds, LocalDate completedOn, @Nullable List<String> partyCodes,
		@Nullable Boolean vouchedBySteward, Instant occurredAt) implements PlanEvent {

	public ActivityCompleted(String planId, long version, String activityId, String title, Theme theme,
			List<String> partnershipIds, LocalDate completedOn, Instant occurredAt) {
		this(planId, version, activityId, title, theme, partnershipIds, completedOn, null, null, occurredAt);
	}
}
