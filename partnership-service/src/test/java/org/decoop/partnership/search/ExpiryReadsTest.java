package org.decoop.partnership.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.search.domain.PartnerSearch;
import org.decoop.partnership.search.domain.PartnerSearchId;
import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The expiry job reads its batches in one order whatever the plan: oldest last open day
 * first, then by id, so searches that close on the same day come in the same order on
 * every run.
 */
class ExpiryReadsTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private static final LocalAuthority NIS = new LocalAuthority(new LocalAuthorityId("la-nis"), "RS-NIS", "Niš",
			Country.of("RS"), LocalAuthorityKind.CITY, 250_000);

	private final MongoTemplate mongo = MONGO.freshDatabase();

	@Test
	void searchesOpenUntilTheSameDayComeByIdAndABatchTakesTheFirstOfThatOrder() {
		// stored in another order than their ids
		store("search-c", "2026-03-01");
		store("search-a", "2026-03-01");
		store("search-z", "2026-02-27");
		store("search-b", "2026-03-01");

		PartnerSearches searches = new PartnerSearches(mongo, null);

		assertThat(searches.openUntilBefore(LocalDate.parse("2026-03-05"), 10))
			.extracting(search -> search.id().value())
			.containsExactly("search-z", "search-a", "search-b", "search-c");
		assertThat(searches.openUntilBefore(LocalDate.parse("2026-03-05"), 3)).extracting(search -> search.id().value())
			.containsExactly("search-z", "search-a", "search-b");
	}

	private void store(String id, String openUntil) {
		mongo.insert(
				PartnerSearchDocument.of(PartnerSearch.restore(new PartnerSearchId(id), 1, NIS, List.of(Theme.YOUTH),
						List.of(Country.of("FR")), "A French town for youth exchanges", LocalDate.parse(openUntil),
						Instant.parse("2026-01-05T10:00:00Z"), "Niš desk", PartnerSearchStatus.OPEN, null)));
	}

}
