package org.decoop.events.plan;

import java.time.Instant;

/** A draft plan was cancelled before every party signed it. */
public record PlanCancelled(String planId, long version, int year, String title, String reason,
		Instant occurredAt) implements PlanEvent {
}
