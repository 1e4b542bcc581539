package org.decoop.partnership.partnership.web;

import java.time.Instant;

import org.decoop.events.PartnershipStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@code by}: who made the change (a person's name, or the service for automatic
 * changes).
 */
public record HistoryResponse(PartnershipStatus status, Instant at, String reason, @Nullable String planId, String by) {
}
