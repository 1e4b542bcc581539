package org.decoop.events.plan;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.decoop.events.Theme;

/** A yearly action plan was drafted; it waits for every party's signature. */
public record PlanDrafted(String planId, long version, int year, String title, List<Party> parties, Set<Theme> themes,
		List<Activity> activities, Instant occurredAt) implements PlanEvent {
}
