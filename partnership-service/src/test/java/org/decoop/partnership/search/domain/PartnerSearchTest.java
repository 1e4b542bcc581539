package org.decoop.partnership.search.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnerSearchClosed;
import org.decoop.events.partnership.PartnerSearchOpened;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.decoop.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

class PartnerSearchTest {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private static final LocalAuthority KRAGUJEVAC = new LocalAuthority(new LocalAuthorityId("la-kg"), "RS-KRAGUJEVAC",
			"Крагујевац", Country.of("RS"), LocalAuthorityKind.CITY, 146_315);

	private static final Actor FOR_KRAGUJEVAC = new Actor(Actor.Kind.USER, "u1", "Kragujevac desk",
			Set.of("RS-KRAGUJEVAC"), false);

	private static final Actor FOR_NEVERS = new Actor(Actor.Kind.USER, "u2", "Nevers desk", Set.of("FR-NEVERS"), false);

	private static final Actor STEWARD = new Actor(Actor.Kind.USER, "u3", "Embassy", Set.of("AMBAFRANCE-RS"), true);

	private static final Actor SYSTEM = Actor.system("partnership-service");

	@Test
	void opensForTheAuthorityTheCallerActsForAndRecordsPartnerSearchOpened() {
		PartnerSearch search = open(FOR_KRAGUJEVAC, LocalDate.of(2026, 6, 30));

		assertThat(search.status()).isEqualTo(PartnerSearchStatus.OPEN);
		assertThat(search.pullEvents()).singleElement().isInstanceOfSatisfying(PartnerSearchOpened.class, opened -> {
			assertThat(opened.localAuthority().code()).isEqualTo("RS-KRAGUJEVAC");
			assertThat(opened.countries()).containsExactly("FR");
			assertThat(opened.themes()).containsExactlyInAnyOrder(Theme.YOUTH, Theme.ENVIRONMENT);
			assertThat(opened.version()).isZero();
		});
		assertThat(open(STEWARD, LocalDate.of(2026, 6, 30)).openedBy()).isEqualTo("Embassy");
	}

	@Test
	void onlyACallerActingForTheSearcherOrAStewardOpensOrClosesIt() {
		assertThatThrownBy(() -> open(FOR_NEVERS, LocalDate.of(2026, 6, 30))).isInstanceOf(NotAllowed.class)
			.hasMessageContaining("RS-KRAGUJEVAC");
		PartnerSearch search = open(FOR_KRAGUJEVAC, LocalDate.of(2026, 6, 30));
		assertThatThrownBy(() -> search.close("Found one", null, FOR_NEVERS, NOW)).isInstanceOf(NotAllowed.class);
	}

	@Test
	void refusesAnOpenUntilThatIsNotInTheFutureOrTooFarAhead() {
		assertThatThrownBy(() -> open(FOR_KRAGUJEVAC, LocalDate.of(2026, 3, 2))).isInstanceOf(InvalidValue.class)
			.hasMessageContaining("openUntil");
		assertThatThrownBy(() -> open(FOR_KRAGUJEVAC, LocalDate.of(2028, 3, 3))).isInstanceOf(InvalidValue.class)
			.hasMessageContaining("at most 2 years");
		assertThat(open(FOR_KRAGUJEVAC, LocalDate.of(2026, 3, 3)).openUntil()).isEqualTo(LocalDate.of(2026, 3, 3));
	}

	@Test
	void closesOnceAndSaysWhy() {
		PartnerSearch search = open(FOR_KRAGUJEVAC, LocalDate.of(2026, 6, 30));
		search.pullEvents();

		search.close("Found a partner: Suresnes", "pship-1", FOR_KRAGUJEVAC, NOW);

		assertThat(search.status()).isEqualTo(PartnerSearchStatus.CLOSED);
		assertThat(search.closure().orElseThrow().by()).isEqualTo("Kragujevac desk");
		assertThat(search.pullEvents()).singleElement().isInstanceOfSatisfying(PartnerSearchClosed.class, closed -> {
			assertThat(closed.partnershipId()).isEqualTo("pship-1");
			assertThat(closed.expired()).isFalse();
			assertThat(closed.version()).isEqualTo(1);
		});
		assertThatThrownBy(() -> search.close("Again", null, STEWARD, NOW)).isInstanceOf(StateConflict.class);
	}

	@Test
	void closesByItselfOnlyAfterItsLastOpenDayAndOnlyOnce() {
		PartnerSearch search = open(FOR_KRAGUJEVAC, LocalDate.of(2026, 6, 30));
		search.pullEvents();

		assertThat(search.expireIfOver(SYSTEM, Instant.parse("2026-06-30T23:59:59Z"))).isFalse();
		assertThat(search.expireIfOver(SYSTEM, Instant.parse("2026-07-01T00:00:00Z"))).isTrue();
		assertThat(search.expireIfOver(SYSTEM, Instant.parse("2026-07-02T00:00:00Z"))).isFalse();

		assertThat(search.pullEvents()).singleElement()
			.isInstanceOfSatisfying(PartnerSearchClosed.class, closed -> assertThat(closed.expired()).isTrue());
		assertThat(search.closure().orElseThrow().reason()).isEqualTo("Open until 2026-06-30: closed by itself");
	}

	private static PartnerSearch open(Actor by, LocalDate openUntil) {
		return PartnerSearch.open(Ids.newId(PartnerSearchId::new), KRAGUJEVAC, List.of(Theme.YOUTH, Theme.ENVIRONMENT),
				List.of(Country.of("FR")), "A French town for youth exchanges", openUntil, by, NOW);
	}

}
