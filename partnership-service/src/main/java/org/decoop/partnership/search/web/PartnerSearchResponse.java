package org.decoop.partnership.search.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.search.domain.PartnerSearch;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

public record PartnerSearchResponse(String id, long version, PartnerSearchStatus status,
		LocalAuthorityRef localAuthority, Set<Theme> themes, List<String> countries, String description,
		LocalDate openUntil, Instant openedAt, String openedBy,
		@Schema(description = "How it closed; null while OPEN") @Nullable ClosureResponse closure) {

	public static PartnerSearchResponse of(PartnerSearch search) {
		return new PartnerSearchResponse(search.id().value(), search.version(), search.status(),
				LocalAuthorityRef.of(search.searcher()), search.themes(),
				search.countries().stream().map(Country::code).toList(), search.description(), search.openUntil(),
				search.openedAt(), search.openedBy(), search.closure().map(ClosureResponse::of).orElse(null));
	}
}
