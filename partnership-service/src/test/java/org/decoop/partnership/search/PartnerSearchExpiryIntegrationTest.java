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
import org.decoop.platform.security.Callers;
import org.decoop.platform.testing.EnabledOnTestInfrastructure;
import org.decoop.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Searches close by themselves past openUntil against the real store, once, however many replicas run the job. */
@EnabledOnTestInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerSearchExpiryIntegrationTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "partnerships-it");
    }

    @Autowired
    PartnerSearches searches;

    @Autowired
    LocalAuthorities localAuthorities;

    @Autowired
    PartnershipLinks partnerships;

    @Autowired
    Callers callers;

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
        assertThat(closed.closure().expired()).isTrue();
        assertThat(closed.version()).as("one closure, one event").isEqualTo(1);
        assertThat(searches.get(stillOpen.id()).status()).isEqualTo(PartnerSearchStatus.OPEN);
    }

    private PartnerSearchExpiryJob job(Clock clock) {
        PartnerSearchService service = new PartnerSearchService(searches, localAuthorities, partnerships, clock, callers);
        return new PartnerSearchExpiryJob(service, new PartnerSearchExpiryProperties(Duration.ofHours(1), Duration.ofHours(1)));
    }

    private PartnerSearch opened(LocalDate openUntil) {
        LocalAuthority searcher = new LocalAuthority(new LocalAuthorityId("la-" + openUntil), "RS-CACAK", "Čačak", Country.of("RS"),
                LocalAuthorityKind.CITY, null);
        return searches.add(PartnerSearch.open(PartnerSearchId.newId(), searcher, List.of(Theme.AGRICULTURE),
                List.of(Country.of("FR")), "Orchards and cooperatives", openUntil, callers.system(), OPENED));
    }
}
