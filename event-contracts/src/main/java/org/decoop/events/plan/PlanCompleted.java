package org.decoop.events.plan;

import java.time.Instant;

/** Every activity of a signed plan is complete. */
public record PlanCompleted(String planId, long version, int year, String title,
		Instant occurredAt) implements PlanEvent {
}
