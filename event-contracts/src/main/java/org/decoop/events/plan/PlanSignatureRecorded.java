package org.decoop.events.plan;

import java.time.Instant;

/**
 * One party signed a plan. The last missing signature is followed by {@link PlanSigned}.
 */
public record PlanSignatureRecorded(String planId, long version, String party, String signedBy, Instant signedAt,
		Instant occurredAt) implements PlanEvent {
}
