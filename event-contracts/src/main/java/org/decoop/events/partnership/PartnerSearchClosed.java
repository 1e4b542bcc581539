package org.decoop.events.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.jspecify.annotations.Nullable;

/**
 * A partner search closed: by its author (found a partner, or gave up) or by itself past
 * its {@code openUntil} ({@code expired}).
 */
public record PartnerSearchClosed(String searchId, long version, PartnerSearchStatus status, Searcher localAuthority,
		Set<Theme> themes, Set<String> countries, LocalDate openUntil, String reason, @Nullable String partnershipId,
		boolean expired, Instant occurredAt) implements PartnerSearchEvent {
}
