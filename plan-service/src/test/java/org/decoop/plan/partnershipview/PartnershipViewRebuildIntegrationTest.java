package org.decoop.plan.partnershipview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.bson.Document;
import org.decoop.plan.PlanServiceContext;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.ServiceApi.Answer;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/**
 * An operator rebuilds plan-service's partnership read model from
 * {@code partnership-events}: a corrupted view no longer refuses the plans that name its
 * partnerships, and the live consumer goes on writing to the rebuilt collection.
 */
class PartnershipViewRebuildIntegrationTest extends PlanServiceContext {

	private static final String REBUILD = "/api/ops/read-models/partnership_views/rebuild";

	private static final TestTokens TOKENS = TestTokens.shared();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	/** The service's clock (other scenarios move it): leases are read against it. */
	@Autowired
	Clock clock;

	private ServiceApi anonymous;

	private ServiceApi ops;

	private ServiceApi steward;

	@BeforeEach
	void connect() {
		anonymous = ServiceApi.onPort(port);
		ops = anonymous.as(TOKENS.ops("operator"));
		steward = anonymous.as(TOKENS.steward("coordinator", "AMBAFRANCE-RS", "SKGO"));
	}

	@Test
	void rebuildsACorruptedPartnershipViewFromTheTopicWhileServing() throws Exception {
		String partnershipId = publishPartnership();
		await().atMost(Duration.ofSeconds(30)).until(() -> draftNaming(partnershipId).statusCode() == 201);

		// a corrupted view: the partnership ENDED at a version no event will ever reach
		String corrupted = progress().get("collection").asString();
		mongo.updateFirst(Query.query(Criteria.where("_id").is(partnershipId)),
				new Update().set("status", "ENDED").set("version", 1_000_000L), corrupted);
		assertThat(draftNaming(partnershipId).statusCode()).as("the corrupted view refuses the partnership")
			.isEqualTo(422);

		Answer started = ops.post(REBUILD);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		assertThat(started.json().get("state").asString()).isEqualTo("RUNNING");
		await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(progress().get("state").asString()));

		JsonNode finished = progress();
		assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("FINISHED");
		assertThat(finished.get("eventsRead").asLong()).isPositive();
		assertThat(finished.get("lag").asLong()).isZero();
		assertThat(finished.get("startedBy").asString()).isEqualTo("operator");
		assertThat(finished.get("finishedAt").isNull()).isFalse();
		assertThat(finished.get("collection").asString()).isNotEqualTo(corrupted)
			.isEqualTo(finished.get("target").asString());
		assertThat(mongo.collectionExists(corrupted)).as("the old collection is dropped").isFalse();
		assertThat(draftNaming(partnershipId).statusCode()).as("answers as before the corruption").isEqualTo(201);

		String later = publishPartnership();
		await("the live consumer writes to the rebuilt collection").atMost(Duration.ofSeconds(30))
			.until(() -> draftNaming(later).statusCode() == 201);
	}

	@Test
	void refusesASecondRebuildWhileOneRunsAndTakesOverOneWhoseInstanceStopped() {
		ensurePointer();
		// another instance runs a rebuild: its claim, with a live lease, in the pointer
		// document
		mongo.updateFirst(Query.query(Criteria.where("_id").is("partnership_views")),
				new Update().set("rebuild",
						new Document("id", "elsewhere").append("state", "RUNNING")
							.append("by", "another-operator")
							.append("target", "partnership_views_elsewhere")
							.append("startedAt", Date.from(clock.instant()))
							.append("leaseUntil", Date.from(clock.instant().plus(Duration.ofHours(1))))
							.append("eventsRead", 7L)
							.append("eventsSkipped", 0L)),
				"read_models");

		Answer second = ops.post(REBUILD);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(progress().get("state").asString()).isEqualTo("RUNNING");

		// that instance died: its lease runs out, and the next rebuild takes over
		mongo.updateFirst(Query.query(Criteria.where("_id").is("partnership_views")),
				new Update().set("rebuild.leaseUntil", Date.from(clock.instant().minusSeconds(1))), "read_models");
		assertThat(progress().get("state").asString()).isEqualTo("ABANDONED");
		assertThat(ops.post(REBUILD).statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60)).until(() -> "FINISHED".equals(progress().get("state").asString()));
	}

	@Test
	void isForOperatorsOnly() {
		assertThat(anonymous.post(REBUILD).statusCode()).isEqualTo(401);
		Answer steward = this.steward.post(REBUILD);
		assertThat(steward.statusCode()).isEqualTo(403);
		assertThat(steward.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.steward.get(REBUILD).statusCode()).isEqualTo(403);
	}

	@Test
	void answersNotFoundForAnUnknownReadModel() {
		Answer unknown = ops.post("/api/ops/read-models/plans/rebuild");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(ops.get("/api/ops/read-models/plans/rebuild").statusCode()).isEqualTo(404);
	}

	/** Waits for any rebuild to end, and for the pointer document to exist. */
	private void ensurePointer() {
		await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(progress().get("state").asString()));
		if (!mongo.exists(Query.query(Criteria.where("_id").is("partnership_views")), "read_models")) {
			mongo.insert(new Document("_id", "partnership_views").append("collection", "partnership_views")
				.append("generation", 0L), "read_models");
		}
	}

	private JsonNode progress() {
		Answer progress = ops.get(REBUILD);
		assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
		return progress.json();
	}

	private Answer draftNaming(String partnershipId) {
		return steward.post("/api/plans",
				"""
						{"year": 2021, "title": "Plan after a rebuild",
						 "parties": [{"code": "AMBAFRANCE-RS", "name": "Ambassade de France en Serbie"}, {"code": "SKGO", "name": "SKGO"}],
						 "themes": ["YOUTH"],
						 "activities": [{"title": "Youth exchange", "theme": "YOUTH", "partnershipIds": ["%s"],
						                 "funding": [{"source": "FRENCH_MFA", "amountEur": 1000}]}]}"""
					.formatted(partnershipId));
	}

}
