package org.decoop.partnership;

import static org.decoop.platform.testing.ServiceQueries.call;
import static org.decoop.platform.testing.ServiceQueries.noQuery;
import static org.decoop.platform.testing.ServiceQueries.readsAll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.partnership.search.domain.PartnerSearchId;
import org.decoop.platform.testing.ServiceQueries;
import org.decoop.platform.testing.ServiceQueries.Listed;

/**
 * Every query partnership-service sends to MongoDB, in one place: each repository method
 * (once per filter it can be called with) and the platform's queries on its collections.
 * A new repository method fails {@link QueryListTest} until it is listed here;
 * {@link QueryPlansIntegrationTest} asks a real MongoDB for the plan of each.
 */
final class PartnershipQueries {

	private static final Country FR = Country.of("FR");

	private static final LocalAuthorityId NEVERS = new LocalAuthorityId("la-query-plans");

	private static final LocalDate TODAY = LocalDate.parse("2026-03-05");

	static final List<Listed> ALL = all();

	private PartnershipQueries() {
	}

	private static List<Listed> all() {
		List<Listed> queries = new ArrayList<>(List.of(
				call("Partnerships#search", "GET /api/partnerships (newest first)", null, null, null, null, 0, 20),
				call("Partnerships#search", "GET /api/partnerships?status=", PartnershipStatus.ACTIVE, null, null, null,
						0, 20),
				call("Partnerships#search", "GET /api/partnerships?country=", null, FR, null, null, 0, 20),
				call("Partnerships#search", "GET /api/partnerships?theme=", null, null, Theme.CULTURE, null, 0, 20),
				call("Partnerships#search", "GET /api/partnerships?localAuthorityId=", null, null, null, NEVERS, 0, 20),
				call("Partnerships#all", "GET /api/partnerships.csv?status=", PartnershipStatus.ACTIVE, null, null,
						null),
				call("Partnerships#all", "GET /api/partnerships.csv (every partnership)", null, null, null, null),
				readsAll("Partnerships#statistics", "GET /api/partnerships/stats (every partnership)",
						"the statistics of every year count every partnership", (Object) null),
				readsAll("Partnerships#statistics", "GET /api/partnerships/stats?year=",
						"a year's statistics count every partnership begun by its end: most of them", 2020),
				call("Partnerships#activeWithoutActivitySince", "dormancy job: ACTIVE without activity since", TODAY,
						100),
				call("PartnerSearches#search", "GET /api/partner-searches (newest first)", null, null, null, null, 0,
						20),
				call("PartnerSearches#search", "GET /api/partner-searches?status=", PartnerSearchStatus.OPEN, null,
						null, null, 0, 20),
				call("PartnerSearches#search", "GET /api/partner-searches?theme=", null, Theme.CULTURE, null, null, 0,
						20),
				call("PartnerSearches#search", "GET /api/partner-searches?country=", null, null, FR, null, 0, 20),
				call("PartnerSearches#search", "GET /api/partner-searches?localAuthorityId=", null, null, null, NEVERS,
						0, 20),
				call("PartnerSearches#openUntilBefore", "expiry job: OPEN searches past their last day, oldest first",
						TODAY, 100),
				call("PartnerSearches#openWanting", "matches: the OPEN searches wanting the searcher's country", FR,
						50),
				noQuery("LocalAuthorities#add", "POST /api/local-authorities: an insert (the unique indexes decide)",
						beans -> beans.call("LocalAuthorities#add",
								new LocalAuthority(new LocalAuthorityId("la-" + System.nanoTime()), null,
										"Query plans " + System.nanoTime(), FR, LocalAuthorityKind.CITY, null))),
				call("LocalAuthorities#byId", "GET /api/local-authorities/{id}", NEVERS),
				call("LocalAuthorities#byIds", "the partners of a new partnership",
						List.of(NEVERS, new LocalAuthorityId("la-2"))),
				call("LocalAuthorities#inCountries", "matches: the authorities of the wanted countries, by name",
						List.of(FR, Country.of("RS")), 200),
				call("LocalAuthorities#search", "GET /api/local-authorities (by name)", null, null, null, 0, 20),
				call("LocalAuthorities#search", "GET /api/local-authorities?country=", FR, null, null, 0, 20),
				call("LocalAuthorities#search", "GET /api/local-authorities?code=", null, "FR-NEVERS", null, 0, 20),
				call("LocalAuthorities#search", "GET /api/local-authorities?q= (search key contains, any script)", null,
						null, "nev", 0, 20),
				ServiceQueries.readsAll("SearchKeyBackfill#backfill",
						"at start: the authorities stored before search keys existed, to give them one",
						"once per start, over the few authorities without a key (none after the first start)"),
				call("PartnershipLinks#notEndedOf", "matches: the partnerships of the searcher", List.of(NEVERS)),
				call("PartnershipLinks#notEndedOn",
						"matches: partnerships on the wanted themes with a partner in the countries",
						List.of(Theme.CULTURE), List.of(FR), 50),
				call("PartnershipLinks#byId", "a partner search closed by a partnership",
						new PartnershipId("p-query-plans")),
				ServiceQueries.platform("aggregate: a partnership by id",
						beans -> beans.call("Partnerships#find", new PartnershipId("p-query-plans"))),
				ServiceQueries.platform("aggregate: a partner search by id",
						beans -> beans.call("PartnerSearches#find", new PartnerSearchId("s-query-plans")))));
		queries.addAll(ServiceQueries.platformQueries("partnerships", "partner_searches"));
		return List.copyOf(queries);
	}

}
