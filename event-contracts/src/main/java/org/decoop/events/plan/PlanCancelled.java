package org.decoop.events.plan;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A draft plan was cancelled before every party signed it. */
public record PlanCancelled(String planId, long version, int year, String title, @Nullable String reason,
		Instant occurredAt) implements PlanEvent {
}
