package org.decoop.events.plan;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.decoop.events.Theme;

/**
 * Every party signed: the plan is in force, its content frozen. Published exactly once
 * per plan.
 */
public record PlanSigned(String planId, long version, int year, String title, List<SignedParty> parties,
		Set<Theme> themes, List<Activity> activities, Instant occurredAt) implements PlanEvent {
}
