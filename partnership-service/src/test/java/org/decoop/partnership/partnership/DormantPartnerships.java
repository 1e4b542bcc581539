package org.decoop.partnership.partnership;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.decoop.events.Country;
import org.decoop.events.Theme;
import org.decoop.events.Topics;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSigned;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.testing.EventTopics;

/**
 * The story's starting point for consumer tests: a dormant partnership, and plan-service
 * signing a plan that names it.
 */
final class DormantPartnerships {

	private DormantPartnerships() {
	}

	/** Nevers – Sremska Mitrovica, stored DORMANT. */
	static Partnership stored(Partnerships partnerships) {
		Partnership dormant = Partnership.establish(Ids.newId(PartnershipId::new), List
			.of(new Partner(new LocalAuthorityId("n-" + UUID.randomUUID()), "FR-NEVERS", "Nevers", Country.of("FR")),
					new Partner(new LocalAuthorityId("s-" + UUID.randomUUID()), "RS-SREMSKA-MITROVICA",
							"Sremska Mitrovica", Country.of("RS"))),
				null, List.of(Theme.YOUTH), null, Actor.system("test"), Instant.now());
		dormant.goDormant("Quiet", Actor.system("test"), Instant.now());
		partnerships.add(dormant);
		return dormant;
	}

	/**
	 * plan-service's PlanSigned of a plan of Nevers and SKGO with one activity naming
	 * {@code partnership}.
	 */
	static void publishPlanSigned(String planId, Partnership partnership) throws Exception {
		List<PlanEvent.SignedParty> parties = List.of(
				new PlanEvent.SignedParty("FR-NEVERS", "Nevers", "Mayor", Instant.now()),
				new PlanEvent.SignedParty("SKGO", "SKGO", "Secretary General", Instant.now()));
		try (KafkaProducer<String, byte[]> producer = EventTopics.producer()) {
			producer.send(EventTopics.record(
					new PlanSigned(planId, 2, 2020, "Akcioni plan 2020", parties, Set.of(Theme.YOUTH),
							List.of(new PlanEvent.Activity("a1", "Restart", Theme.YOUTH,
									List.of(partnership.id().value()), null, null, List.of())),
							Instant.now()),
					Topics.PLAN_EVENTS, "/plan-service"))
				.get();
		}
	}

}
