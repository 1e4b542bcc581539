package org.decoop.partnership.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.LocalAuthorities;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.PartnershipLinks;
import org.decoop.partnership.search.domain.PartnerSearch;
import org.decoop.partnership.search.domain.PartnerSearchId;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.security.Callers;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The partner search service against the real store: searches close by themselves past
 * openUntil, once, however many replicas run the job; matching stays bounded without
 * losing the authorities the ranking favours.
 */
@ServiceScenario(database = "partnerships-it")
class PartnerSearchServiceIntegrationTest {

	private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");

	@Autowired
	PartnerSearches searches;

	@Autowired
	LocalAuthorities localAuthorities;

	@Autowired
	PartnershipLinks partnerships;

	@Autowired
	Callers callers;

	@LocalServerPort
	int port;

	@Test
	void closesTheSearchesPastTheirLastOpenDayOnceEvenWithTwoReplicas() {
		PartnerSearch over = opened(LocalDate.of(2026, 3, 31));
		PartnerSearch stillOpen = opened(LocalDate.of(2026, 4, 1));
		Clock firstOfApril = Clock.fixed(Instant.parse("2026-04-01T06:00:00Z"), ZoneOffset.UTC);
		PartnerSearchExpiryJob replicaA = job(firstOfApril);
		PartnerSearchExpiryJob replicaB = job(firstOfApril);

		assertThat(replicaA.runOnce()).isGreaterThanOrEqualTo(1);
		assertThat(replicaB.runOnce()).as("the other replica finds nothing left to close").isZero();

		PartnerSearch closed = searches.get(over.id());
		assertThat(closed.status()).isEqualTo(PartnerSearchStatus.CLOSED);
		assertThat(closed.closure().orElseThrow().expired()).isTrue();
		assertThat(closed.version()).as("one closure, one event").isEqualTo(1);
		assertThat(searches.get(stillOpen.id()).status()).isEqualTo(PartnerSearchStatus.OPEN);
	}

	@Test
	void ranksTheAuthoritiesItHasSomethingToSayForEvenWhenTheCandidatesAreCappedBelowTheirCountry() {
		String run = java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
		ServiceApi steward = ServiceApi.onPort(port).as(TestTokens.shared().steward("embassy", "AMBAFRANCE-RS"));
		String valletta = authority(steward, "MT-VALLETTA-" + run, "Valletta " + run, "MT");
		authority(steward, "CY-AAA-" + run, "Aaa " + run, "CY");
		authority(steward, "CY-BBB-" + run, "Bbb " + run, "CY");
		String paphos = authority(steward, "CY-ZPAPHOS-" + run, "Zpaphos " + run, "CY");
		String limassol = authority(steward, "CY-YLIMASSOL-" + run, "Ylimassol " + run, "CY");
		String arles = authority(steward, "FR-ARLES-" + run, "Arles " + run, "FR");
		assertThat(steward
			.post("/api/partnerships",
					"{\"partnerIds\": [\"%s\", \"%s\"], \"themes\": [\"HERITAGE\"]}".formatted(limassol, arles))
			.statusCode()).isEqualTo(201);
		PartnerSearchService service = new PartnerSearchService(searches, localAuthorities, partnerships,
				Clock.systemUTC(), callers, 2);
		LocalDate inAMonth = LocalDate.now(ZoneOffset.UTC).plusMonths(1);
		service.open(paphos, List.of(Theme.HERITAGE), List.of(Country.of("MT")), "Heritage", inAMonth,
				callers.system());
		PartnerSearch vallettaWantsCyprus = service.open(valletta, List.of(Theme.HERITAGE), List.of(Country.of("CY")),
				"Fortified harbours", inAMonth, callers.system());

		assertThat(service.matches(vallettaWantsCyprus.id(), 20))
			.extracting(match -> match.localAuthority().id().value())
			.as("the mutual match and the experienced one, not the first two names of Cyprus")
			.containsExactly(paphos, limassol);
	}

	private static String authority(ServiceApi steward, String code, String name, String country) {
		ServiceApi.Answer created = steward.post("/api/local-authorities",
				"{\"code\": \"%s\", \"name\": \"%s\", \"country\": \"%s\", \"kind\": \"CITY\"}".formatted(code, name,
						country));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private PartnerSearchExpiryJob job(Clock clock) {
		PartnerSearchService service = new PartnerSearchService(searches, localAuthorities, partnerships, clock,
				callers);
		return new PartnerSearchExpiryJob(service,
				new PartnerSearchExpiryProperties(Duration.ofHours(1), Duration.ofHours(1)));
	}

	private PartnerSearch opened(LocalDate openUntil) {
		LocalAuthority searcher = new LocalAuthority(new LocalAuthorityId("la-" + openUntil), "RS-CACAK", "Čačak",
				Country.of("RS"), LocalAuthorityKind.CITY, null);
		return searches.add(PartnerSearch.open(Ids.newId(PartnerSearchId::new), searcher, List.of(Theme.AGRICULTURE),
				List.of(Country.of("FR")), "Orchards and cooperatives", openUntil, callers.system(), OPENED));
	}

}
