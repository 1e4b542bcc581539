package org.decoop.events.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;

/** A local authority opened a search for partners. */
public record PartnerSearchOpened(String searchId, long version, PartnerSearchStatus status, Searcher localAuthority,
		Set<Theme> themes, Set<String> countries, String description, LocalDate openUntil,
		Instant occurredAt) implements PartnerSearchEvent {
}
