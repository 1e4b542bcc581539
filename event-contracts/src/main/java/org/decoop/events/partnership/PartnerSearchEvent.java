package org.decoop.events.partnership;

import java.time.LocalDate;
import java.util.Set;

import org.decoop.events.DecoopEvent;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.jspecify.annotations.Nullable;

/**
 * Events of a partner search, published by partnership-service on
 * {@code partnership-events} beside the partnership events, keyed by search id. Each
 * carries who is looking, on which themes and in which countries, so that a consumer can
 * match it without calling back.
 */
public sealed interface PartnerSearchEvent extends DecoopEvent permits PartnerSearchOpened, PartnerSearchClosed {

	String searchId();

	/** The search's version after this change: 0 when opened, then +1 per change. */
	long version();

	PartnerSearchStatus status();

	Searcher localAuthority();

	Set<Theme> themes();

	/** The countries where a partner is wanted, ISO 3166-1 alpha-2. */
	Set<String> countries();

	LocalDate openUntil();

	@Override
	default String aggregateId() {
		return searchId();
	}

	/** The local authority looking for partners, as it was when the event happened. */
	record Searcher(String id, @Nullable String code, String name, String country) {
	}

}
