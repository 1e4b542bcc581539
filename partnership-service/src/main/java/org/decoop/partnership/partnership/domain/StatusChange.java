package org.decoop.partnership.partnership.domain;

import java.time.Instant;
import java.util.Objects;

import org.decoop.events.PartnershipStatus;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a partnership's history: the status it entered, when, why, the plan that
 * caused it, if any, and who did it ({@code by}: a person's name, or the service; none in
 * entries older than identity).
 */
public record StatusChange(PartnershipStatus status, Instant at, String reason, @Nullable String planId, String by) {

	public StatusChange {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(reason, "reason");
	}
}
