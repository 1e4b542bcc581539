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

import org.decoop.events.Country;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEnded;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.platform.domain.InvalidValue;
import org.junit.jupiter.api.Test;

class PartnershipTest {

    private static final Instant ESTABLISHED = Instant.parse("2012-05-10T09:00:00Z");
    private static final Instant LATER = Instant.parse("2018-03-01T09:00:00Z");
    private static final Instant SIGNED = Instant.parse("2020-02-27T12:00:00Z");

    private static final Partner NEVERS = new Partner(new LocalAuthorityId("nevers"), "Nevers", Country.of("FR"));
    private static final Partner SREMSKA_MITROVICA = new Partner(new LocalAuthorityId("sm"), "Sremska Mitrovica", Country.of("RS"));

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
                    new PartnershipEvent.Partner("nevers", "Nevers", "FR"),
                    new PartnershipEvent.Partner("sm", "Sremska Mitrovica", "RS"));
            assertThat(event.since()).isEqualTo(2005);
            assertThat(event.themes()).containsExactly(Theme.CULTURE, Theme.EDUCATION);
            assertThat(event.coordinator().email()).isEqualTo("coordination@skgo.org");
            assertThat(event.occurredAt()).isEqualTo(ESTABLISHED);
        });
        assertThat(partnership.pullEvents()).as("events are handed out once").isEmpty();
    }

    @Test
    void refusesFewerThanTwoPartners() {
        assertThatThrownBy(() -> Partnership.establish(PartnershipId.newId(), List.of(NEVERS), null, List.of(), null, ESTABLISHED))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).hasToString("partnerIds"));
    }

    @Test
    void refusesTheSamePartnerTwice() {
        assertThatThrownBy(() -> Partnership.establish(PartnershipId.newId(), List.of(NEVERS, SREMSKA_MITROVICA, NEVERS), null,
                List.of(), null, ESTABLISHED))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).hasToString("partnerIds[2]"));
    }

    @Test
    void refusesASinceYearInTheFutureOrBeforeModernTimes() {
        assertThatThrownBy(() -> Partnership.establish(PartnershipId.newId(), List.of(NEVERS, SREMSKA_MITROVICA), 2013,
                List.of(), null, ESTABLISHED))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).hasToString("since"));
        assertThatThrownBy(() -> Partnership.establish(PartnershipId.newId(), List.of(NEVERS, SREMSKA_MITROVICA), 1899,
                List.of(), null, ESTABLISHED))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void goesDormantAndKeepsTheLastActivityDate() {
        Partnership partnership = neversSremskaMitrovica();
        partnership.pullEvents();

        partnership.goDormant("No joint project since 2012", LATER);

        assertThat(partnership.status()).isEqualTo(DORMANT);
        assertThat(partnership.version()).isEqualTo(1);
        assertThat(partnership.history()).last().isEqualTo(new StatusChange(DORMANT, LATER, "No joint project since 2012", null));
        assertThat(partnership.pullEvents()).singleElement().isInstanceOfSatisfying(PartnershipWentDormant.class, event -> {
            assertThat(event.reason()).isEqualTo("No joint project since 2012");
            assertThat(event.lastActivityOn()).isEqualTo(LocalDate.of(2012, 5, 10));
            assertThat(event.status()).isEqualTo(DORMANT);
            assertThat(event.version()).isEqualTo(1);
        });
    }

    @Test
    void reactivatesADormantPartnershipNamingThePlanThatCausedIt() {
        Partnership partnership = neversSremskaMitrovica();
        partnership.goDormant("No joint project since 2012", LATER);
        partnership.pullEvents();

        partnership.reactivate("Action plan 2020 signed", "plan-2020", SIGNED);

        assertThat(partnership.status()).isEqualTo(ACTIVE);
        assertThat(partnership.lastActivityOn()).isEqualTo(LocalDate.of(2020, 2, 27));
        assertThat(partnership.history()).extracting(StatusChange::status).containsExactly(ACTIVE, DORMANT, ACTIVE);
        assertThat(partnership.history()).last().extracting(StatusChange::planId).isEqualTo("plan-2020");
        assertThat(partnership.pullEvents()).singleElement().isInstanceOfSatisfying(PartnershipReactivated.class, event -> {
            assertThat(event.planId()).isEqualTo("plan-2020");
            assertThat(event.version()).isEqualTo(2);
        });
    }

    @Test
    void endsAnActiveOrDormantPartnershipForGood() {
        Partnership active = neversSremskaMitrovica();
        active.terminate("Merged into a regional partnership", LATER);
        assertThat(active.status()).isEqualTo(ENDED);
        assertThat(active.pullEvents()).last().isInstanceOf(PartnershipEnded.class);

        Partnership dormant = neversSremskaMitrovica();
        dormant.goDormant("Quiet", LATER);
        dormant.terminate("Never restarted", SIGNED);
        assertThat(dormant.status()).isEqualTo(ENDED);
    }

    @Test
    void refusesTransitionsNotAllowedFromTheCurrentStatus() {
        Partnership partnership = neversSremskaMitrovica();
        assertThatThrownBy(() -> partnership.reactivate("Already active", null, LATER)).isInstanceOf(TransitionNotAllowed.class);

        partnership.goDormant("Quiet", LATER);
        assertThatThrownBy(() -> partnership.goDormant("Again", LATER)).isInstanceOf(TransitionNotAllowed.class);

        partnership.terminate("Over", SIGNED);
        assertThatThrownBy(() -> partnership.terminate("Over again", SIGNED)).isInstanceOf(TransitionNotAllowed.class);
        assertThatThrownBy(() -> partnership.reactivate("Back", null, SIGNED)).isInstanceOf(TransitionNotAllowed.class);
        assertThatThrownBy(() -> partnership.goDormant("Sleep", SIGNED)).isInstanceOf(TransitionNotAllowed.class);
    }

    @Test
    void changesNothingWhenATransitionIsRefused() {
        Partnership partnership = neversSremskaMitrovica();
        partnership.pullEvents();

        assertThatThrownBy(() -> partnership.goDormant("  ", LATER))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).hasToString("reason"));
        assertThatThrownBy(() -> partnership.reactivate("Already active", null, LATER)).isInstanceOf(TransitionNotAllowed.class);

        assertThat(partnership.status()).isEqualTo(ACTIVE);
        assertThat(partnership.version()).isZero();
        assertThat(partnership.history()).hasSize(1);
        assertThat(partnership.pullEvents()).isEmpty();
    }

    private static Partnership neversSremskaMitrovica() {
        return Partnership.establish(PartnershipId.newId(), List.of(NEVERS, SREMSKA_MITROVICA), 2005,
                List.of(Theme.EDUCATION, Theme.CULTURE), new Coordinator("Volontaire SKGO", "coordination@skgo.org"),
                ESTABLISHED);
    }
    @Test
    void reactivatesWhenAPlanIsSignedWhileDormantNamingThePlan() {
        Partnership partnership = neversSremskaMitrovica();
        partnership.goDormant("No joint project since 2012", LATER);
        partnership.pullEvents();

        partnership.planSigned("plan-2020", "Akcioni plan 2020", 2020, LocalDate.of(2020, 2, 27), SIGNED);

        assertThat(partnership.status()).isEqualTo(ACTIVE);
        assertThat(partnership.history()).last()
                .isEqualTo(new StatusChange(ACTIVE, SIGNED, "Action plan \"Akcioni plan 2020\" (2020) was signed", "plan-2020"));
        assertThat(partnership.pullEvents()).singleElement().isInstanceOf(PartnershipReactivated.class);
    }

    @Test
    void countsASignedPlanAsActivityWhileActiveAndIgnoresItOnceEnded() {
        Partnership active = neversSremskaMitrovica();
        active.pullEvents();
        long before = active.version();

        active.planSigned("plan-2020", "Akcioni plan 2020", 2020, LocalDate.of(2020, 2, 27), SIGNED);

        assertThat(active.status()).isEqualTo(ACTIVE);
        assertThat(active.lastActivityOn()).isEqualTo(LocalDate.of(2020, 2, 27));
        assertThat(active.version()).as("a change without an event still counts").isEqualTo(before + 1);
        assertThat(active.pullEvents()).isEmpty();

        Partnership ended = neversSremskaMitrovica();
        ended.terminate("Over", LATER);
        long endedVersion = ended.version();
        ended.planSigned("plan-2020", "Akcioni plan 2020", 2020, LocalDate.of(2020, 2, 27), SIGNED);
        assertThat(ended.status()).isEqualTo(ENDED);
        assertThat(ended.version()).isEqualTo(endedVersion);
    }

    @Test
    void goesDormantForInactivityOnlyAfterThePeriodSayingSinceWhen() {
        Partnership partnership = neversSremskaMitrovica();
        partnership.recordActivity(LocalDate.of(2018, 3, 1));
        partnership.pullEvents();

        assertThat(partnership.goDormantForInactivity(Period.ofMonths(24), Instant.parse("2020-02-27T10:00:00Z"))).isFalse();
        assertThat(partnership.status()).isEqualTo(ACTIVE);

        assertThat(partnership.goDormantForInactivity(Period.ofMonths(24), Instant.parse("2020-03-02T10:00:00Z"))).isTrue();
        assertThat(partnership.status()).isEqualTo(DORMANT);
        assertThat(partnership.history()).last().extracting(StatusChange::reason)
                .isEqualTo("No activity since 2018-03-01: dormant after 24 months without activity");
        assertThat(partnership.pullEvents()).singleElement().isInstanceOf(PartnershipWentDormant.class);

        assertThat(partnership.goDormantForInactivity(Period.ofMonths(24), Instant.parse("2021-01-01T10:00:00Z")))
                .as("a DORMANT partnership stays as it is").isFalse();
    }
}
