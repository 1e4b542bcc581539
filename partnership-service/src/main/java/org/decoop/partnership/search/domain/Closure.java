package org.decoop.partnership.search.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a search closed: by its author or a steward ({@code by} names them), or by itself
 * past its {@code openUntil} ({@code expired}). {@code partnershipId} is the partnership
 * it led to, if named.
 */
public record Closure(Instant at, String reason, @Nullable String partnershipId, boolean expired, String by) {
}
