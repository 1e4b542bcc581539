package org.decoop.events.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.Theme;

/** An activity of a signed plan was completed. */
public record ActivityCompleted(
        String planId,
        long version,
        String activityId,
        String title,
        Theme theme,
        List<String> partnershipIds,
        LocalDate completedOn,
        Instant occurredAt) implements PlanEvent {
}
