package org.decoop.partnership.partnership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.decoop.events.PartnershipStatus.ACTIVE;
import static org.decoop.events.PartnershipStatus.DORMANT;
import static org.decoop.events.PartnershipStatus.ENDED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEnded;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartnershipTest {

	private static final Instant ESTABLISHED = Instant.parse("2012-05-10T09:00:00Z");

	private static final Instant LATER = Instant.parse("2018-03-01T09:00:00Z");

	private static final Instant SIGNED = Instant.parse("2020-02-27T12:00:00Z");

	private static final Partner NEVERS = new Partner(new LocalAuthorityId("nevers"), "FR-NEVERS", "Nevers",
			Country.of("FR"));

	private static final Partner SREMSKA_MITROVICA = new Partner(new LocalAuthorityId("sm"), "RS-SREMSKA-MITROVICA",
			"Sremska Mitrovica", Country.of("RS"));

	private static final Actor NEVERS_MAYOR = new Actor(Actor.Kind.USER, "sub-nevers", "Mairie de Nevers",
			Set.of("FR-NEVERS"), false);

	private static final Actor SYSTEM = Actor.system("partnership-service");

	@Test
	void establishesAnActivePartnershipAndRecordsTheFactsConsumersNeed() {
		Partnership partnership = neversSremskaMitrovica();

		assertThat(partnership.status()).isEqualTo(ACTIVE);
		assertThat(partnership.version()).isZero();
		assertThat(partnership.history()).extracting(StatusChange::status).containsExactly(ACTIVE);
		assertThat(partnership.lastActivityOn()).isEqualTo(LocalDate.of(2012, 5, 10));

		List<PartnershipEvent> events = partnership.pullEvents();
		assertThat(events).singleElement().isInstanceOfSatisfying(PartnershipEstablished.class, event -> {
			assertThat(event.partnershipId()).isEqualTo(partnership.id().value());
			assertThat(event.version()).isZero();
			assertThat(event.status()).isEqualTo(ACTIVE);
			assertThat(event.partners()).containsExactly(
					new PartnershipEvent.Partner("nevers", "Nevers", "FR", "FR-NEVERS"),
					new PartnershipEvent.Partner("sm", "Sremska Mitrovica", "RS", "RS-SREMSKA-MITROVICA"));
			assertThat(event.since()).isEqualTo(2005);
			assertThat(event.themes()).containsExactly(Theme.CULTURE, Theme.EDUCATION);
			assertThat(event.coordinator().name()).isEqualTo("Volontaire SKGO");
			assertThat(event.occurredAt()).isEqualTo(ESTABLISHED);
		});
		assertThat(partnership.pullEvents()).as("events are handed out once").isEmpty();
	}

	@Test
	void refusesFewerThanTwoPartners() {
		assertThatThrownBy(() -> Partnership.establish(Ids.newId(PartnershipId::new), List.of(NEVERS), null, List.of(),
				null, NEVERS_MAYOR, ESTABLISHED))
			.isInstanceOfSatisfying(InvalidValue.class,
					e -> assertThat(e.field().orElseThrow()).hasToString("partnerIds"));
	}

	@Test
	void refusesTheSamePartnerTwice() {
		assertThatThrownBy(() -> Partnership.establish(Ids.newId(PartnershipId::new),
				List.of(NEVERS, SREMSKA_MITROVICA, NEVERS), null, List.of(), null, NEVERS_MAYOR, ESTABLISHED))
			.isInstanceOfSatisfying(InvalidValue.class,
					e -> assertThat(e.field().orElseThrow()).hasToString("partnerIds[2]"));
	}

	// 2013 is after the year it is established in; 1899 before modern times
	@ParameterizedTest
	@ValueSource(ints = { 2013, 1899 })
	void refusesASinceYearInTheFutureOrBeforeModernTimes(int since) {
		assertThatThrownBy(() -> Partnership.establish(Ids.newId(PartnershipId::new),
				List.of(NEVERS, SREMSKA_MITROVICA), since, List.of(), null, NEVERS_MAYOR, ESTABLISHED))
			.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field().orElseThrow()).hasToString("since"));
	}

	@Test
	void goesDormantAndKeepsTheLastActivityDate() {
		Partnership partnership = published(neversSremskaMitrovica());

		partnership.goDormant("No joint project since 2012", NEVERS_MAYOR, LATER);

		assertThat(partnership.status()).isEqualTo(DORMANT);
		assertThat(partnership.version()).isEqualTo(1);
		assertThat(partnership.history()).last()
			.isEqualTo(new StatusChange(DORMANT, LATER, "No joint project since 2012", null, "Mairie de Nevers"));
		assertThat(partnership.pullEvents()).singleElement()
			.isInstanceOfSatisfying(PartnershipWentDormant.class, event -> {
				assertThat(event.reason()).isEqualTo("No joint project since 2012");
				assertThat(event.lastActivityOn()).isEqualTo(LocalDate.of(2012, 5, 10));
				assertThat(event.status()).isEqualTo(DORMANT);
				assertThat(event.version()).isEqualTo(1);
			});
	}

	@Test
	void reactivatesADormantPartnershipNamingThePlanThatCausedIt() {
		Partnership partnership = neversSremskaMitrovica();
		partnership.goDormant("No joint project since 2012", NEVERS_MAYOR, LATER);
		partnership.pullEvents();

		partnership.reactivate("Action plan 2020 signed", "plan-2020", NEVERS_MAYOR, SIGNED);

		assertThat(partnership.status()).isEqualTo(ACTIVE);
		assertThat(partnership.lastActivityOn()).isEqualTo(LocalDate.of(2020, 2, 27));
		assertThat(partnership.history()).extracting(StatusChange::status).containsExactly(ACTIVE, DORMANT, ACTIVE);
		assertThat(partnership.history()).last().extracting(StatusChange::planId).isEqualTo("plan-2020");
		assertThat(partnership.pullEvents()).singleElement()
			.isInstanceOfSatisfying(PartnershipReactivated.class, event -> {
				assertThat(event.planId()).isEqualTo("plan-2020");
				assertThat(event.version()).isEqualTo(2);
			});
	}

	@Test
	void endsAnActiveOrDormantPartnershipForGood() {
		Partnership active = neversSremskaMitrovica();
		active.terminate("Merged into a regional partnership", NEVERS_MAYOR, LATER);
		assertThat(active.status()).isEqualTo(ENDED);
		assertThat(active.pullEvents()).last().isInstanceOf(PartnershipEnded.class);

		Partnership dormant = neversSremskaMitrovica();
		dormant.goDormant("Quiet", NEVERS_MAYOR, LATER);
		dormant.terminate("Never restarted", NEVERS_MAYOR, SIGNED);
		assertThat(dormant.status()).isEqualTo(ENDED);
	}

	@Test
	void refusesTransitionsNotAllowedFromTheCurrentStatus() {
		Partnership partnership = neversSremskaMitrovica();
		assertThatThrownBy(() -> partnership.reactivate("Already active", null, NEVERS_MAYOR, LATER))
			.isInstanceOf(TransitionNotAllowed.class);

		partnership.goDormant("Quiet", NEVERS_MAYOR, LATER);
		assertThatThrownBy(() -> partnership.goDormant("Again", NEVERS_MAYOR, LATER))
			.isInstanceOf(TransitionNotAllowed.class);

		partnership.terminate("Over", NEVERS_MAYOR, SIGNED);
		assertThatThrownBy(() -> partnership.terminate("Over again", NEVERS_MAYOR, SIGNED))
			.isInstanceOf(TransitionNotAllowed.class);
		assertThatThrownBy(() -> partnership.reactivate("Back", null, NEVERS_MAYOR, SIGNED))
			.isInstanceOf(TransitionNotAllowed.class);
		assertThatThrownBy(() -> partnership.goDormant("Sleep", NEVERS_MAYOR, SIGNED))
			.isInstanceOf(TransitionNotAllowed.class);
	}

	@Test
	void changesNothingWhenATransitionIsRefused() {
		Partnership partnership = published(neversSremskaMitrovica());

		assertThatThrownBy(() -> partnership.goDormant("  ", NEVERS_MAYOR, LATER))
			.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field().orElseThrow()).hasToString("reason"));
		assertThatThrownBy(() -> partnership.reactivate("Already active", null, NEVERS_MAYOR, LATER))
			.isInstanceOf(TransitionNotAllowed.class);

		assertThat(partnership.status()).isEqualTo(ACTIVE);
		assertThat(partnership.version()).isZero();
		assertThat(partnership.history()).hasSize(1);
		assertThat(partnership.pullEvents()).isEmpty();
	}

	@Test
	void onlyACallerActingForAPartnerOrAStewardChangesIt() {
		Actor kragujevac = new Actor(Actor.Kind.USER, "sub-k", "Grad Kragujevac", Set.of("RS-KRAGUJEVAC"), false);
		Actor nowhere = new Actor(Actor.Kind.USER, "sub-x", "Nobody", Set.of("FR-NOWHERE"), false);
		Actor steward = new Actor(Actor.Kind.USER, "sub-skgo", "SKGO", Set.of("SKGO"), true);
		Partnership partnership = published(neversSremskaMitrovica());

		assertThatThrownBy(() -> partnership.goDormant("Not mine", kragujevac, LATER)).isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> partnership.terminate("Not known", nowhere, LATER))
			.as("a code that names nothing known grants nothing")
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> Partnership.establish(Ids.newId(PartnershipId::new),
				List.of(NEVERS, SREMSKA_MITROVICA), null, List.of(), null, kragujevac, ESTABLISHED))
			.isInstanceOf(NotAllowed.class);
		assertThat(partnership.version()).isZero();
		assertThat(partnership.pullEvents()).isEmpty();

		partnership.goDormant("Quiet for years", steward, LATER);
		partnership.reactivate("Back at work", null,
				new Actor(Actor.Kind.USER, "sub-sm", "Grad Sremska Mitrovica", Set.of("RS-SREMSKA-MITROVICA"), false),
				SIGNED);
		assertThat(partnership.history()).extracting(StatusChange::by)
			.as("each change says who made it")
			.containsExactly("Mairie de Nevers", "SKGO", "Grad Sremska Mitrovica");
	}

	@Test
	void keepsItsHistoryBoundedHoweverOftenItIsToggled() {
		Partnership partnership = neversSremskaMitrovica();
		Instant at = LATER;
		for (int i = 0; i < 10_000; i++) {
			partnership.goDormant("Quiet " + i, NEVERS_MAYOR, at);
			partnership.reactivate("Back " + i, null, NEVERS_MAYOR, at);
		}

		assertThat(partnership.history()).hasSize(Partnership.MAX_HISTORY);
		assertThat(partnership.history().get(0).reason()).as("the establishment stays")
			.isEqualTo("Partnership established");
		assertThat(partnership.history()).last().extracting(StatusChange::reason).isEqualTo("Back 9999");
		assertThat(partnership.omittedChanges()).isEqualTo(20_000 + 1 - Partnership.MAX_HISTORY);
		assertThat(partnership.pullEvents()).as("every change is still an event").hasSize(20_001);
	}

	private static Partnership neversSremskaMitrovica() {
		return Partnership.establish(Ids.newId(PartnershipId::new), List.of(NEVERS, SREMSKA_MITROVICA), 2005,
				List.of(Theme.EDUCATION, Theme.CULTURE), new Coordinator("Volontaire SKGO", "coordination@skgo.org"),
				NEVERS_MAYOR, ESTABLISHED);
	}

	@Test
	void reactivatesWhenAPlanIsSignedWhileDormantNamingThePlan() {
		Partnership partnership = neversSremskaMitrovica();
		partnership.goDormant("No joint project since 2012", NEVERS_MAYOR, LATER);
		partnership.pullEvents();

		partnership.planSigned("plan-2020", "Akcioni plan 2020", 2020, LocalDate.of(2020, 2, 27), SYSTEM, SIGNED);

		assertThat(partnership.status()).isEqualTo(ACTIVE);
		assertThat(partnership.history()).last()
			.isEqualTo(new StatusChange(ACTIVE, SIGNED, "Action plan \"Akcioni plan 2020\" (2020) was signed",
					"plan-2020", "partnership-service"));
		assertThat(partnership.pullEvents()).singleElement().isInstanceOf(PartnershipReactivated.class);
	}

	@Test
	void mayBeNamedOnlyByAPlanOfOneOfItsPartnersOrOneAStewardVouchedFor() {
		Partnership partnership = neversSremskaMitrovica();

		assertThat(partnership.mayBeNamedByPlanOf(List.of("AMBAFRANCE-RS", "FR-NEVERS"), false)).isTrue();
		assertThat(partnership.mayBeNamedByPlanOf(List.of("FR-SURESNES", "RS-KRAGUJEVAC"), false))
			.as("Suresnes and Kragujevac borrowing Nevers – Sremska Mitrovica")
			.isFalse();
		assertThat(partnership.mayBeNamedByPlanOf(List.of(), false)).as("an event from before parties were carried")
			.isFalse();
		assertThat(partnership.mayBeNamedByPlanOf(List.of("FR-SURESNES", "RS-KRAGUJEVAC"), true)).isTrue();
	}

	@Test
	void countsASignedPlanAsActivityWhileActiveAndIgnoresItOnceEnded() {
		Partnership active = published(neversSremskaMitrovica());
		long before = active.version();

		active.planSigned("plan-2020", "Akcioni plan 2020", 2020, LocalDate.of(2020, 2, 27), SYSTEM, SIGNED);

		assertThat(active.status()).isEqualTo(ACTIVE);
		assertThat(active.lastActivityOn()).isEqualTo(LocalDate.of(2020, 2, 27));
		assertThat(active.version()).as("a change without an event still counts").isEqualTo(before + 1);
		assertThat(active.pullEvents()).isEmpty();

		Partnership ended = neversSremskaMitrovica();
		ended.terminate("Over", NEVERS_MAYOR, LATER);
		long endedVersion = ended.version();
		ended.planSigned("plan-2020", "Akcioni plan 2020", 2020, LocalDate.of(2020, 2, 27), SYSTEM, SIGNED);
		assertThat(ended.status()).isEqualTo(ENDED);
		assertThat(ended.version()).isEqualTo(endedVersion);
	}

	@Test
	void goesDormantForInactivityOnlyAfterThePeriodSayingSinceWhen() {
		Partnership partnership = neversSremskaMitrovica();
		partnership.recordActivity(LocalDate.of(2018, 3, 1));
		partnership.pullEvents();

		assertThat(
				partnership.goDormantForInactivity(Period.ofMonths(24), SYSTEM, Instant.parse("2020-02-27T10:00:00Z")))
			.isFalse();
		assertThat(partnership.status()).isEqualTo(ACTIVE);

		assertThat(
				partnership.goDormantForInactivity(Period.ofMonths(24), SYSTEM, Instant.parse("2020-03-02T10:00:00Z")))
			.isTrue();
		assertThat(partnership.status()).isEqualTo(DORMANT);
		assertThat(partnership.history()).last()
			.extracting(StatusChange::reason)
			.isEqualTo("No activity since 2018-03-01: dormant after 24 months without activity");
		assertThat(partnership.pullEvents()).singleElement().isInstanceOf(PartnershipWentDormant.class);

		assertThat(
				partnership.goDormantForInactivity(Period.ofMonths(24), SYSTEM, Instant.parse("2021-01-01T10:00:00Z")))
			.as("a DORMANT partnership stays as it is")
			.isFalse();
	}

	/** {@code partnership} with the events it has so far published. */
	private static Partnership published(Partnership partnership) {
		partnership.pullEvents();
		return partnership;
	}

}
