package org.decoop.partnership.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.partnership.search.domain.PartnerMatcher.Facts;
import org.decoop.partnership.search.domain.PartnerMatcher.Match;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.Ids;
import org.junit.jupiter.api.Test;

/**
 * The ranking of partner search matches, pinned: mutual first, then experience, then
 * population.
 */
class PartnerMatcherTest {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private static final Actor SYSTEM = Actor.system("partnership-service");

	private static final LocalAuthority KRAGUJEVAC = authority("RS-KRAGUJEVAC", "Kragujevac", "RS", 146_315);

	private static final LocalAuthority SURESNES = authority("FR-SURESNES", "Suresnes", "FR", 48_264);

	private static final LocalAuthority NEVERS = authority("FR-NEVERS", "Nevers", "FR", 33_279);

	private static final LocalAuthority TOURS = authority("FR-TOURS", "Tours", "FR", 136_463);

	private static final LocalAuthority ALBI = authority("FR-ALBI", "Albi", "FR", null);

	private static final LocalAuthority METZ = authority("FR-METZ", "Metz", "FR", 90_000);

	private static final LocalAuthority NIS = authority("RS-NIS", "Niš", "RS", 260_237);

	private final PartnerSearch kragujevacWantsFrance = search(KRAGUJEVAC, Set.of(Theme.YOUTH, Theme.ENVIRONMENT),
			Set.of("FR"));

	@Test
	void ranksAMutualMatchFirstThenExperienceOnTheThemesThenASimilarPopulation() {
		PartnerSearch neversWantsSerbia = search(NEVERS, Set.of(Theme.YOUTH, Theme.CULTURE), Set.of("RS"));
		Facts facts = new Facts(List.of(ALBI, METZ, NEVERS, SURESNES, TOURS), Set.of(), Set.of(),
				Map.of(NEVERS.id(), List.of(neversWantsSerbia)),
				Map.of(SURESNES.id(), Map.of(Theme.ENVIRONMENT, Set.of(id("a"), id("b"), id("c")))));

		List<Match> ranked = PartnerMatcher.rank(kragujevacWantsFrance, facts);

		assertThat(ranked).extracting(match -> match.localAuthority().name())
			.containsExactly("Nevers", "Suresnes", "Tours", "Metz", "Albi");
		assertThat(ranked.get(0).reasons()).containsExactly("also looking for a partner in RS on YOUTH",
				"a population of the same order: 33279 inhabitants, against 146315");
		assertThat(ranked.get(0).searchId()).isEqualTo(neversWantsSerbia.id());
		assertThat(ranked.get(1).reasons()).containsExactly("already partnered with 3 authorities on ENVIRONMENT",
				"a population of the same order: 48264 inhabitants, against 146315");
		assertThat(ranked.get(1).searchId()).isNull();
		assertThat(ranked.get(2).reasons()).containsExactly("a similar population: 136463 inhabitants, against 146315");
		assertThat(ranked.get(2).score()).isGreaterThan(ranked.get(3).score());
		assertThat(ranked.get(4).reasons()).as("nothing more to say than where it is")
			.containsExactly("a municipality in FR");
		assertThat(ranked.get(4).score()).isZero();
	}

	@Test
	void neverProposesAnActivePartnerNorTheSearcherNorAnotherCountryButHintsAtADormantPartnership() {
		Facts facts = new Facts(List.of(KRAGUJEVAC, NIS, NEVERS, SURESNES), Set.of(SURESNES.id()), Set.of(NEVERS.id()),
				Map.of(), Map.of());

		List<Match> ranked = PartnerMatcher.rank(kragujevacWantsFrance, facts);

		assertThat(ranked).extracting(match -> match.localAuthority().name()).containsExactly("Nevers");
		assertThat(ranked.get(0).reasons())
			.contains("your partnership with it is DORMANT: reactivating it is an option");
	}

	@Test
	void aSearchThatWantsAnotherCountryOrSharesNoThemeIsNotMutual() {
		PartnerSearch neversWantsCroatia = search(NEVERS, Set.of(Theme.YOUTH), Set.of("HR"));
		PartnerSearch suresnesOnHeritage = search(SURESNES, Set.of(Theme.HERITAGE), Set.of("RS"));
		Facts facts = new Facts(List.of(NEVERS, SURESNES), Set.of(), Set.of(),
				Map.of(NEVERS.id(), List.of(neversWantsCroatia), SURESNES.id(), List.of(suresnesOnHeritage)), Map.of());

		assertThat(PartnerMatcher.rank(kragujevacWantsFrance, facts)).allSatisfy(match -> {
			assertThat(match.score()).isLessThan(PartnerMatcher.MUTUAL);
			assertThat(match.searchId()).isNull();
		});
	}

	@Test
	void countsMoreExperienceHigherAndMoreThemesHigherStill() {
		Facts facts = new Facts(List.of(NEVERS, SURESNES, TOURS), Set.of(), Set.of(), Map.of(),
				Map.of(NEVERS.id(), Map.of(Theme.YOUTH, Set.of(id("a"))), SURESNES.id(),
						Map.of(Theme.YOUTH, Set.of(id("a"), id("b"))), TOURS.id(),
						Map.of(Theme.YOUTH, Set.of(id("a")), Theme.ENVIRONMENT, Set.of(id("b")))));

		assertThat(PartnerMatcher.rank(kragujevacWantsFrance, facts)).extracting(match -> match.localAuthority().name())
			.containsExactly("Tours", "Suresnes", "Nevers");
	}

	@Test
	void buildsTheFactsFromThePartnershipsAndSearchesAroundTheSearch() {
		PartnerSearch neversWantsSerbia = search(NEVERS, Set.of(Theme.YOUTH), Set.of("RS"));
		List<Partnership> ofSearcher = List.of(
				partnership(PartnershipStatus.ACTIVE, Set.of(Theme.CULTURE), KRAGUJEVAC, SURESNES),
				partnership(PartnershipStatus.DORMANT, Set.of(Theme.CULTURE), KRAGUJEVAC, TOURS));
		List<Partnership> onWantedThemes = List
			.of(partnership(PartnershipStatus.ACTIVE, Set.of(Theme.YOUTH, Theme.ENVIRONMENT), METZ, NIS, ALBI));

		Facts facts = Facts.of(kragujevacWantsFrance, List.of(METZ, NEVERS, TOURS), ofSearcher,
				List.of(neversWantsSerbia), onWantedThemes);

		assertThat(facts.candidates()).containsExactly(METZ, NEVERS, TOURS);
		assertThat(facts.activePartners()).as("never the searcher itself").containsExactly(SURESNES.id());
		assertThat(facts.dormantPartners()).containsExactly(TOURS.id());
		assertThat(facts.openSearches()).isEqualTo(Map.of(NEVERS.id(), List.of(neversWantsSerbia)));
		assertThat(facts.partnersByTheme()).as("only for candidates, never themselves")
			.isEqualTo(Map.of(METZ.id(),
					Map.of(Theme.YOUTH, Set.of(NIS.id(), ALBI.id()), Theme.ENVIRONMENT, Set.of(NIS.id(), ALBI.id()))));
	}

	@Test
	void judgesPopulationsByTheirRatio() {
		assertThat(PartnerMatcher.populationCloseness(40_000, 45_000)).isEqualTo(5);
		assertThat(PartnerMatcher.populationCloseness(40_000, 80_000)).isEqualTo(3);
		assertThat(PartnerMatcher.populationCloseness(400_000, 40_000)).isEqualTo(1);
		assertThat(PartnerMatcher.populationCloseness(1_000_000, 40_000)).isZero();
		assertThat(PartnerMatcher.populationCloseness(null, 40_000)).isZero();
	}

	private static PartnerSearch search(LocalAuthority searcher, Set<Theme> themes, Set<String> countries) {
		return PartnerSearch.open(Ids.newId(PartnerSearchId::new), searcher, List.copyOf(themes),
				countries.stream().map(Country::of).toList(), "Looking for partners", LocalDate.of(2026, 12, 31),
				SYSTEM, NOW);
	}

	private static Partnership partnership(PartnershipStatus status, Set<Theme> themes, LocalAuthority... members) {
		List<Partner> partners = Arrays.stream(members)
			.map(member -> new Partner(member.id(), member.code(), member.name(), member.country()))
			.toList();
		return Partnership.restore(Ids.newId(PartnershipId::new), 0, status, partners, 2005, themes, null, List.of(), 0,
				LocalDate.of(2026, 1, 1));
	}

	private static LocalAuthority authority(String code, String name, String country, Integer population) {
		return new LocalAuthority(id(code), code, name, Country.of(country), LocalAuthorityKind.MUNICIPALITY,
				population);
	}

	private static LocalAuthorityId id(String value) {
		return new LocalAuthorityId("la-" + value);
	}

}
