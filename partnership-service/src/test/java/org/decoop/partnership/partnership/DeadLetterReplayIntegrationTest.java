package org.decoop.partnership.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willAnswer;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.plan.PlanSigned;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import tools.jackson.databind.JsonNode;

/**
 * An operator sees what a consumer parked, with why, and replays it once the cause is
 * fixed; replaying again changes nothing. Only the ops role may.
 */
@ServiceScenario(database = "partnerships-replay")
class DeadLetterReplayIntegrationTest {

	private static final String DLQ = "plan-events.partnership-service.dlq";

	@MockitoSpyBean
	PartnershipService service;

	@Autowired
	Partnerships partnerships;

	@LocalServerPort
	int port;

	@Test
	void listsAParkedRecordWithItsReasonAndReplaysItOnceTheCauseIsFixed() throws Exception {
		Partnership dormant = DormantPartnerships.stored(partnerships);
		AtomicBoolean bug = new AtomicBoolean(true);
		willAnswer(invocation -> {
			if (bug.get()) {
				throw new IllegalStateException("a bug in applying PlanSigned");
			}
			return invocation.callRealMethod();
		}).given(service).planSigned(any(), anyString(), anyString(), anyInt(), any(), any());

		String planId = "plan-replay-" + UUID.randomUUID();
		DormantPartnerships.publishPlanSigned(planId, dormant);
		ServiceApi ops = ServiceApi.onPort(port).as(TestTokens.shared().ops("operator"));
		JsonNode parked = await().atMost(Duration.ofSeconds(30))
			.until(() -> parkedRecord(ops, planId), found -> found != null);
		assertThat(parked.get("reason").asString()).isEqualTo("a bug in applying PlanSigned");
		assertThat(parked.get("eventType").asString()).isEqualTo("org.decoop.PlanSigned");
		assertThat(partnerships.get(dormant.id()).status()).isEqualTo(PartnershipStatus.DORMANT);

		assertThat(ServiceApi.onPort(port).get("/api/ops/dead-letters").statusCode()).isEqualTo(401);
		assertThat(ServiceApi.onPort(port)
			.as(TestTokens.shared().steward("skgo", "SKGO"))
			.get("/api/ops/dead-letters")
			.statusCode()).as("a steward is not an operator").isEqualTo(403);
		String replay = "/api/ops/dead-letters/" + DLQ + "/" + parked.get("offset").asLong() + "/replay";
		assertThat(ops.post(replay).statusCode()).as("refused again while the bug is there").isEqualTo(409);

		bug.set(false);
		assertThat(ops.post(replay).statusCode()).isEqualTo(200);
		assertThat(partnerships.get(dormant.id()).status()).isEqualTo(PartnershipStatus.ACTIVE);
		long version = partnerships.get(dormant.id()).version();
		assertThat(ops.post(replay).statusCode()).as("a second replay").isEqualTo(200);
		assertThat(partnerships.get(dormant.id()).version()).as("applies nothing twice").isEqualTo(version);
		assertThat(parkedRecord(ops, planId).get("replayOutcome").asString()).isEqualTo("applied");
	}

	private static JsonNode parkedRecord(ServiceApi ops, String planId) {
		for (JsonNode record : ops.get("/api/ops/dead-letters").json()) {
			if (planId.equals(record.get("key").asString())) {
				return record;
			}
		}
		return null;
	}

}
