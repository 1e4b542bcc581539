package org.decoop.partnership.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import org.decoop.events.Country;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.LocalAuthorities;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.security.Callers;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Automatic dormancy against the real store: only partnerships quiet for too long, and a
 * second run changes nothing.
 */
@ServiceScenario(database = "partnerships-it")
class DormancyJobIntegrationTest {

	@Autowired
	Partnerships partnerships;

	@Autowired
	LocalAuthorities localAuthorities;

	@Autowired
	Callers callers;

	@Test
	void putsPartnershipsWithoutActivityFor24MonthsToDormancyOnce() {
		Partnership quiet = stored(Instant.parse("2017-06-01T10:00:00Z"));
		Partnership busy = stored(Instant.parse("2019-01-15T10:00:00Z"));
		// the job runs on 27 February 2020
		PartnershipService service = new PartnershipService(partnerships, localAuthorities,
				Clock.fixed(Instant.parse("2020-02-27T12:00:00Z"), ZoneOffset.UTC), callers);
		DormancyJob job = new DormancyJob(service,
				new DormancyProperties(Period.ofMonths(24), Duration.ofHours(1), Duration.ofMinutes(1)));

		job.runOnce();

		Partnership dormant = partnerships.get(quiet.id());
		assertThat(dormant.status()).isEqualTo(PartnershipStatus.DORMANT);
		assertThat(dormant.history()).last()
			.satisfies(change -> assertThat(change.reason())
				.isEqualTo("No activity since 2017-06-01: dormant after 24 months without activity"));
		assertThat(partnerships.get(busy.id()).status()).isEqualTo(PartnershipStatus.ACTIVE);

		assertThat(job.runOnce()).as("a second run, as another replica would").isZero();
		assertThat(partnerships.get(quiet.id()).history()).hasSize(2);
	}

	private Partnership stored(Instant establishedAt) {
		Partnership partnership = Partnership.establish(Ids.newId(PartnershipId::new),
				List.of(new Partner(new LocalAuthorityId("a-" + establishedAt), "FR-ARLES", "Arles", Country.of("FR")),
						new Partner(new LocalAuthorityId("n-" + establishedAt), "RS-NIS", "Niš", Country.of("RS"))),
				null, List.of(Theme.HERITAGE), null, callers.system(), establishedAt);
		partnerships.add(partnership);
		return partnership;
	}

}
