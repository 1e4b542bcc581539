package org.decoop.notification.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.decoop.events.DecoopEvent;
import org.decoop.events.FundingSource;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.plan.ActivityCompleted;
import org.decoop.events.plan.PlanDrafted;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSignatureRecorded;
import org.decoop.notification.SharedServiceContext;
import org.decoop.platform.testing.EnabledOnTestInfrastructure;
import org.decoop.platform.testing.EventPublisher;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.ServiceApi.Answer;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * An operator rebuilds the read models matching uses (plans, partnerships) after they
 * were lost: the events that name neither partnership nor partners themselves (a
 * signature) match the subscriptions filtered by partnership and by local authority
 * again.
 */
@EnabledOnTestInfrastructure
class ReadModelRebuildIntegrationTest extends SharedServiceContext {

	private static final TestTokens TOKENS = TestTokens.shared();

	private static final List<String> READ_MODELS = List.of("partnership_views", "plan_views");

	@RegisterExtension
	static final EventPublisher EVENTS = new EventPublisher();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void matchesByPartnershipAgainOnceTheLostReadModelsAreRebuilt() throws Exception {
		ServiceApi api = ServiceApi.onPort(port).as(TOKENS.user("owner-" + UUID.randomUUID(), "SKGO"));
		ServiceApi ops = ServiceApi.onPort(port).as(TOKENS.ops("operator"));
		String partnershipId = UUID.randomUUID().toString();
		String localAuthorityId = "la-" + UUID.randomUUID();
		String planId = UUID.randomUUID().toString();
		String byPartnership = api
			.post("/api/subscriptions",
					"{\"channel\": \"INBOX\", \"filter\": {\"partnershipId\": \"%s\"}}".formatted(partnershipId))
			.id();
		String byLocalAuthority = api
			.post("/api/subscriptions",
					"{\"channel\": \"INBOX\", \"filter\": {\"localAuthorityId\": \"%s\"}}".formatted(localAuthorityId))
			.id();

		publish(new PartnershipEstablished(partnershipId, 0, PartnershipStatus.ACTIVE,
				List.of(new PartnershipEvent.Partner(localAuthorityId, "Nevers", "FR"),
						new PartnershipEvent.Partner("sm", "Sremska Mitrovica", "RS")),
				2005, Set.of(Theme.YOUTH), null, Instant.now()));
		publish(new PlanDrafted(planId, 0, 2021, "Plan to rebuild",
				List.of(new PlanEvent.Party("AMBAFRANCE-RS", "Ambassade"), new PlanEvent.Party("SKGO", "SKGO")),
				Set.of(Theme.YOUTH),
				List.of(new PlanEvent.Activity("a1", "Youth exchange", Theme.YOUTH, List.of(partnershipId), null, null,
						List.of(new PlanEvent.Funding(FundingSource.FRENCH_MFA, new BigDecimal("1000"))))),
				Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(api, byLocalAuthority).size() == 2);

		// the read models are lost
		for (String readModel : READ_MODELS) {
			mongo.dropCollection(progress(ops, readModel).get("collection").asString());
		}
		publish(new PlanSignatureRecorded(planId, 1, "AMBAFRANCE-RS", "Ambassador", Instant.now(), Instant.now()));
		// names its partnership itself, and comes after the signature on the plan's
		// partition
		publish(new ActivityCompleted(planId, 2, "a1", "Youth exchange", Theme.YOUTH, List.of(partnershipId),
				LocalDate.now(), Instant.now()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> eventTypes(api, byPartnership).contains("ActivityCompleted"));
		assertThat(eventTypes(api, byPartnership)).as("without the plan's read model, its signature matches nobody")
			.doesNotContain("PlanSignatureRecorded");

		for (String readModel : READ_MODELS) {
			Answer started = ops.post("/api/ops/read-models/" + readModel + "/rebuild");
			assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		}
		for (String readModel : READ_MODELS) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> !"RUNNING".equals(progress(ops, readModel).get("state").asString()));
			JsonNode finished = progress(ops, readModel);
			assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("FINISHED");
			assertThat(finished.get("eventsRead").asLong())
				.isGreaterThanOrEqualTo(readModel.equals("plan_views") ? 3 : 1);
			assertThat(finished.get("lag").asLong()).isZero();
		}

		publish(new PlanSignatureRecorded(planId, 3, "SKGO", "Secretary General", Instant.now(), Instant.now()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> eventTypes(api, byPartnership).contains("PlanSignatureRecorded"));
		await("partners from the rebuilt partnership view").atMost(Duration.ofSeconds(30))
			.until(() -> eventTypes(api, byLocalAuthority).contains("PlanSignatureRecorded"));
		assertThat(api.get("/api/subscriptions/" + byPartnership + "/notifications")
			.json()
			.get("content")
			.get(0)
			.get("summary")
			.asString()).as("the plan's title, from the rebuilt plan view").contains("“Plan to rebuild”");
	}

	@Test
	void isForOperatorsOnly() {
		ServiceApi user = ServiceApi.onPort(port).as(TOKENS.user("nevers", "FR-NEVERS"));
		Answer refused = user.post("/api/ops/read-models/plan_views/rebuild");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(ServiceApi.onPort(port)
			.as(TOKENS.ops("operator"))
			.get("/api/ops/read-models/subscriptions/rebuild")
			.statusCode()).as("not a read model").isEqualTo(404);
	}

	private static JsonNode progress(ServiceApi ops, String readModel) {
		Answer progress = ops.get("/api/ops/read-models/" + readModel + "/rebuild");
		assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
		return progress.json();
	}

	private static List<String> eventTypes(ServiceApi api, String subscriptionId) {
		return api.get("/api/subscriptions/" + subscriptionId + "/notifications")
			.content()
			.map(notification -> notification.get("eventType").asString())
			.toList();
	}

	private static void publish(DecoopEvent event) throws Exception {
		EVENTS.publish(event);
	}

}
