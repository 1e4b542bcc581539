package org.decoop.partnership.partnership;

import org.decoop.platform.domain.Ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.decoop.events.PartnershipStatus.ACTIVE;
import static org.decoop.events.PartnershipStatus.DORMANT;
import static org.decoop.events.PartnershipStatus.ENDED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.decoop.events.Country;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.partnership.partnership.domain.PartnershipStatistics;
import org.decoop.partnership.partnership.domain.StatusChange;
import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The partnerships counted by the store, by status and by country, of every year or of
 * one: those begun by its end (since, else their establishment) and not ended before it
 * starts, each with its status at the end of that year.
 */
class PartnershipStatisticsTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private final MongoTemplate mongo = MONGO.freshDatabase();

	private final Partnerships partnerships = new Partnerships(mongo, null);

	@Test
	void countsByStatusAndByCountryEachPartnershipOncePerCountry() {
		storeTheNetwork();

		PartnershipStatistics statistics = partnerships.statistics(null);

		assertThat(statistics.year()).isNull();
		assertThat(statistics.total()).isEqualTo(5);
		assertThat(statistics.partnershipsByStatus()).isEqualTo(counts(2, 1, 2));
		assertThat(statistics.partnershipsByCountry()).containsOnlyKeys("FR", "RS", "ME")
			.containsEntry("FR", counts(2, 1, 2))
			.containsEntry("RS", counts(2, 1, 1))
			.containsEntry("ME", counts(0, 0, 1));
	}

	@Test
	void countsForAYearThoseBegunAndNotYetEndedWithTheirStatusAtItsEnd() {
		storeTheNetwork();

		PartnershipStatistics of2020 = partnerships.statistics(2020);

		assertThat(of2020.year()).isEqualTo(2020);
		assertThat(of2020.total()).as("not the one begun in 2021, nor the one ended in 2019").isEqualTo(3);
		assertThat(of2020.partnershipsByStatus()).as("dormant at the end of 2020, reactivated since; ended in 2020")
			.isEqualTo(counts(1, 1, 1));
		assertThat(of2020.partnershipsByCountry()).containsEntry("FR", counts(1, 1, 1))
			.containsEntry("RS", counts(1, 1, 0))
			.containsEntry("ME", counts(0, 0, 1));

		assertThat(partnerships.statistics(2019).partnershipsByStatus()).as("the one ended in 2019 counts in 2019")
			.isEqualTo(counts(1, 0, 1));
		assertThat(partnerships.statistics(1995).partnershipsByStatus())
			.as("since 1990, recorded in 2019: active in the years before it was recorded")
			.isEqualTo(counts(1, 0, 0));
		assertThat(partnerships.statistics(1950).total()).isZero();
		assertThat(partnerships.statistics(1950).partnershipsByStatus()).isEqualTo(counts(0, 0, 0));
		assertThat(partnerships.statistics(1950).partnershipsByCountry()).isEmpty();
	}

	/**
	 * Five partnerships: since 1990 (recorded 2019), always ACTIVE; established 2021,
	 * DORMANT in 2023; established 2018, ENDED 2019; two French towns and a Serbian one,
	 * established 2020, DORMANT 2020, ACTIVE again 2024; French and Montenegrin,
	 * established 2020, ENDED 2020.
	 */
	private void storeTheNetwork() {
		store(1990, List.of("FR", "RS"), change(ACTIVE, "2019-03-01"));
		store(null, List.of("FR", "RS"), change(ACTIVE, "2021-05-01"), change(DORMANT, "2023-02-01"));
		store(null, List.of("FR", "RS"), change(ACTIVE, "2018-01-01"), change(ENDED, "2019-06-01"));
		store(null, List.of("FR", "FR", "RS"), change(ACTIVE, "2020-06-01"), change(DORMANT, "2020-09-01"),
				change(ACTIVE, "2024-01-01"));
		store(null, List.of("FR", "ME"), change(ACTIVE, "2020-01-10"), change(ENDED, "2020-12-31"));
	}

	private void store(Integer since, List<String> countries, StatusChange... history) {
		List<Partner> partners = new ArrayList<>();
		for (String country : countries) {
			String id = UUID.randomUUID().toString();
			partners.add(new Partner(new LocalAuthorityId(id), null, "Town " + id, Country.of(country)));
		}
		StatusChange last = history[history.length - 1];
		mongo.insert(PartnershipDocument.of(Partnership.restore(Ids.newId(PartnershipId::new), 0, last.status(),
				partners, since, List.of(Theme.CULTURE), null, List.of(history), 0,
				LocalDate.ofInstant(last.at(), ZoneOffset.UTC))));
	}

	private static StatusChange change(PartnershipStatus status, String day) {
		Instant at = LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
		return new StatusChange(status, at, "test", null, "test");
	}

	private static Map<PartnershipStatus, Long> counts(long active, long dormant, long ended) {
		return Map.of(ACTIVE, active, DORMANT, dormant, ENDED, ended);
	}

}
