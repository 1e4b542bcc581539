package org.decoop.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.platform.testing.EventPublisher;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.ServiceApi.Answer;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A plan is refused while still a draft when its PlanSigned would be larger than the
 * broker takes (here a broker that takes 8 KB): signed, it could never be published.
 */
@ServiceScenario(database = "plans-size", properties = "decoop.outbox.max-event-size=8KB")
class PlanSizeIntegrationTest {

	@RegisterExtension
	static final EventPublisher events = new EventPublisher();

	@LocalServerPort
	int port;

	@Test
	void refusesAnActivityThatWouldMakeThePlanTooLargeToPublishAndWritesNothing() throws Exception {
		String partnership = UUID.randomUUID().toString();
		events.publish(new PartnershipEstablished(partnership, 0, PartnershipStatus.ACTIVE,
				List.of(new PartnershipEvent.Partner("n", "Nevers", "FR"),
						new PartnershipEvent.Partner("s", "Sremska Mitrovica", "RS")),
				2005, Set.of(Theme.YOUTH), null, Instant.now()));
		ServiceApi api = ServiceApi.onPort(port).as(TestTokens.shared().steward("embassy", "AMBAFRANCE-RS"));
		String activity = """
				{"title": "%s", "theme": "YOUTH", "partnershipIds": ["%s"], "funding": [{"source": "FRENCH_MFA", "amountEur": 1000}]}"""
			.formatted("A youth exchange with a long description ".repeat(7), partnership);
		String draft = """
				{"year": 2021, "title": "Plan", "parties": [{"code": "AMBAFRANCE-RS", "name": "Ambassade"}, {"code": "SKGO", "name": "SKGO"}],
				 "activities": [%s]}"""
			.formatted(activity);
		String[] planId = new String[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Answer created = api.post("/api/plans", draft);
			planId[0] = created.statusCode() == 201 ? created.id() : null;
			return planId[0] != null;
		});

		Answer refused = null;
		for (int i = 0; i < 40 && refused == null; i++) {
			Answer added = api.post("/api/plans/" + planId[0] + "/activities", activity);
			if (added.statusCode() != 200) {
				refused = added;
			}
		}
		assertThat(refused).as("refused before 40 activities of 300 bytes").isNotNull();
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.json().get("field").asString()).isEqualTo("activities");
		assertThat(refused.json().get("detail").asString()).contains("more than the 8192 the broker takes");
		long kept = api.get("/api/plans/" + planId[0]).json().get("activities").size();
		assertThat(kept).as("the refused activity was not written").isLessThan(40);
		assertThat(api.post("/api/plans/" + planId[0] + "/activities", activity).statusCode()).isEqualTo(400);
		assertThat(api.get("/api/plans/" + planId[0]).json().get("activities").size()).isEqualTo(kept);
	}

}
