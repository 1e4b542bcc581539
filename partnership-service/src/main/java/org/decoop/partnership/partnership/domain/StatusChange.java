package org.decoop.partnership.partnership.domain;

import java.time.Instant;
import java.util.Objects;

import org.decoop.events.PartnershipStatus;

/** One entry of a partnership's history: the status it entered, when, why, and the plan that caused it, if any. */
public record StatusChange(PartnershipStatus status, Instant at, String reason, String planId) {

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
