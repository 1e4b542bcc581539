package org.decoop.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.decoop.platform.testing.EventTopics.header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.Topics;
import org.decoop.events.partnership.PartnershipEnded;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.platform.outbox.CloudEventRecords;
import org.decoop.platform.testing.EventTopics;
import org.decoop.platform.testing.ServiceApi.Answer;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;

import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * plan-service as a client meets it: partnership events in from
 * {@code partnership-events}, HTTP in, CloudEvents on {@code plan-events} out, on the
 * embedded broker and the in-process MongoDB wire server.
 */
class PlanServiceIntegrationTest extends PlanServiceContext {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DLQ = "partnership-events.plan-service.dlq";

	@LocalServerPort
	int port;

	@Autowired
	WebMvcProperties webMvc;

	private static final TestTokens TOKENS = TestTokens.shared();

	/**
	 * A steward acting for every party these tests name (a plan is its parties' business;
	 * the partnerships the tests' plans name are none of the parties', which only a
	 * steward may name).
	 */
	private ServiceApi api;

	private ServiceApi anonymous;

	@BeforeEach
	void connect() {
		anonymous = ServiceApi.onPort(port);
		api = anonymous.as(TOKENS.steward("coordinator", "AMBAFRANCE-RS", "SKGO", "NEVERS", "SREMSKA-MITROVICA",
				"MFA-FR", "A1", "B1"));
	}

	@Test
	void draftsAndSignsThe2020PlanAndPublishesPlanSignedOnce() throws Exception {
		String neversMitrovica = publishPartnership(PartnershipStatus.DORMANT, 1);

		Answer madeUp = draft2020(UUID.randomUUID().toString());
		assertThat(madeUp.statusCode()).isEqualTo(422);
		assertThat(field(madeUp)).isEqualTo("activities[0].partnershipIds[0]");

		String planId = id(awaitCreated(() -> draft2020(neversMitrovica)));

		Answer anonymousSignature = anonymous.post("/api/plans/" + planId + "/signatures", "{\"party\": \"SKGO\"}");
		assertThat(anonymousSignature.statusCode()).isEqualTo(401);
		assertThat(anonymousSignature.header("WWW-Authenticate"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
		Answer neversForSkgo = anonymous.as(TOKENS.user("nevers", "FR-NEVERS"))
			.post("/api/plans/" + planId + "/signatures",
					"{\"party\": \"SKGO\", \"signedBy\": \"Secretary General of SKGO\"}");
		assertThat(neversForSkgo.statusCode()).as("Nevers may not sign for SKGO").isEqualTo(403);
		assertThat(neversForSkgo.header("Content-Type"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
		assertThat(anonymous.as(TOKENS.steward("embassy", "AMBAFRANCE-RS"))
			.post("/api/plans/" + planId + "/signatures", "{\"party\": \"SKGO\"}")
			.statusCode()).as("a steward signs only for whom it acts").isEqualTo(403);
		assertThat(anonymous.as(TOKENS.user("nevers", "FR-NEVERS"))
			.post("/api/plans/" + planId + "/cancellation", "{}")
			.statusCode()).as("not a party").isEqualTo(403);

		Answer first = sign(planId, "AMBAFRANCE-RS", "Ambassador of France");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(first.body()).get("status").asString()).isEqualTo("DRAFT");
		assertThat(sign(planId, "AMBAFRANCE-RS", "Again").statusCode()).as("second signature of a party")
			.isEqualTo(409);
		assertThat(sign(planId, "NOBODY", "Someone").statusCode()).as("unknown party").isEqualTo(422);
		Answer last = sign(planId, "SKGO", "Secretary General of SKGO");
		assertThat(last.statusCode()).isEqualTo(200);
		JsonNode signed = JSON.readTree(last.body());
		assertThat(signed.get("status").asString()).isEqualTo("SIGNED");
		assertThat(signed.get("parties").findValuesAsString("signerId")).containsExactly(
				TestTokens.subjectOf("Ambassador of France"), TestTokens.subjectOf("Secretary General of SKGO"));
		assertThat(signed.get("totals").get("totalEur").decimalValue()).isEqualByComparingTo("45000.00");
		assertThat(signed.get("totals").get("bySourceEur").get("FRENCH_MFA").decimalValue())
			.isEqualByComparingTo("30000");

		assertThat(api.post("/api/plans/" + planId + "/activities", activity(neversMitrovica)).statusCode())
			.as("content frozen once signed")
			.isEqualTo(409);
		assertThat(api.post("/api/plans/" + planId + "/cancellation", "{}").statusCode())
			.as("only a draft can be cancelled")
			.isEqualTo(409);

		List<ConsumerRecord<String, byte[]>> records = planEvents(planId, 4);
		assertThat(records).extracting(record -> header(record, "ce_type"))
			.containsExactly("org.decoop.PlanDrafted", "org.decoop.PlanSignatureRecorded",
					"org.decoop.PlanSignatureRecorded", "org.decoop.PlanSigned");
		for (ConsumerRecord<String, byte[]> record : records) {
			CloudEvent event = CloudEventRecords.toCloudEvent(record);
			assertThat(record.key()).isEqualTo(planId);
			assertThat(event.getSource()).hasToString("/plan-service");
			assertThat(event.getSubject()).isEqualTo(planId);
			assertThat(event.getDataContentType()).isEqualTo("application/json");
			assertThat(UUID.fromString(event.getId())).isNotNull();
		}
		assertThat(records).extracting(record -> header(record, "ce_authtype")).containsOnly("user");
		assertThat(header(records.get(3), "ce_authid")).as("the last signatory caused PlanSigned")
			.isEqualTo(TestTokens.subjectOf("Secretary General of SKGO"));
		JsonNode planSigned = JSON.readTree(records.get(3).value());
		assertThat(planSigned.get("year").asInt()).isEqualTo(2020);
		assertThat(planSigned.get("parties").findValuesAsString("signedBy")).containsExactly("Ambassador of France",
				"Secretary General of SKGO");
		assertThat(planSigned.get("themes").size()).isEqualTo(6);
		JsonNode activity = planSigned.get("activities").get(0);
		assertThat(activity.get("partnershipIds").get(0).asString()).isEqualTo(neversMitrovica);
		assertThat(activity.get("funding").get(0).get("source").asString()).isEqualTo("FRENCH_MFA");
		assertThat(activity.get("id").asString()).isNotBlank();

		String activityId = signed.get("activities").get(0).get("id").asString();
		Answer completed = api.post("/api/plans/" + planId + "/activities/" + activityId + "/completion", null);
		assertThat(JSON.readTree(completed.body()).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(planEvents(planId, 6)).extracting(record -> header(record, "ce_type"))
			.endsWith("org.decoop.ActivityCompleted", "org.decoop.PlanCompleted");
	}

	@Test
	void publishesPlanSignedExactlyOnceWhenEveryPartySignsAtTheSameMoment() throws Exception {
		String partnership = publishPartnership(PartnershipStatus.ACTIVE, 0);
		List<String> parties = List.of("AMBAFRANCE-RS", "SKGO", "NEVERS", "SREMSKA-MITROVICA", "MFA-FR");
		String planId = id(awaitCreated(() -> api.post("/api/plans",
				"""
						{"year": 2021, "title": "Plan with five parties", "themes": ["YOUTH"],
						 "parties": [%s], "activities": [%s]}""".formatted(parties.stream()
					.map(code -> "{\"code\": \"%s\", \"name\": \"%s\"}".formatted(code, code))
					.reduce((a, b) -> a + ", " + b)
					.orElseThrow(), activity(partnership)))));

		ExecutorService pool = Executors.newFixedThreadPool(parties.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (String party : parties) {
				Callable<Integer> signing = () -> {
					start.await();
					return sign(planId, party, "Signatory of " + party).statusCode();
				};
				answers.add(pool.submit(signing));
			}
			start.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}

		JsonNode plan = JSON.readTree(api.get("/api/plans/" + planId).body());
		assertThat(plan.get("status").asString()).isEqualTo("SIGNED");
		assertThat(plan.get("parties").findValuesAsString("signedBy")).hasSize(parties.size());
		List<ConsumerRecord<String, byte[]>> records = planEvents(planId, 1 + parties.size() + 1);
		assertThat(records).extracting(record -> header(record, "ce_type"))
			.filteredOn("org.decoop.PlanSigned"::equals)
			.hasSize(1);
		assertThat(records).extracting(record -> header(record, "ce_type")).last().isEqualTo("org.decoop.PlanSigned");
	}

	@Test
	void letsAPlanNameOnlyThePartnershipsOfItsPartiesUnlessAStewardVouchesForIt() throws Exception {
		String borrowed = publishPartnership(PartnershipStatus.DORMANT, 1, "FR-NEVERS", "RS-SREMSKA-MITROVICA");
		String own = publishPartnership(PartnershipStatus.ACTIVE, 0, "FR-SURESNES", "RS-KRAGUJEVAC");
		ServiceApi suresnes = anonymous.as(TOKENS.user("suresnes", "FR-SURESNES"));
		String suresnesKragujevac = """
				[{"code": "FR-SURESNES", "name": "Suresnes"}, {"code": "RS-KRAGUJEVAC", "name": "Kragujevac"}]""";
		String planId = id(
				awaitCreated(() -> suresnes.post("/api/plans", plan2020(suresnesKragujevac, activity(own)))));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Answer refused = suresnes.post("/api/plans",
					plan2020(suresnesKragujevac, activity(own) + ", " + activity(borrowed)));
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
			assertThat(field(refused)).isEqualTo("activities[1].partnershipIds[0]");
		});
		Answer added = suresnes.post("/api/plans/" + planId + "/activities", activity(borrowed));
		assertThat(added.statusCode()).isEqualTo(403);
		assertThat(field(added)).isEqualTo("partnershipIds[0]");
		assertThat(anonymous.get("/api/plans/" + planId).json().get("activities").size()).as("nothing written")
			.isEqualTo(1);

		String vouched = id(anonymous.as(TOKENS.steward("skgo", "SKGO"))
			.post("/api/plans", plan2020("""
					[{"code": "SKGO", "name": "SKGO"}, {"code": "FR-SURESNES", "name": "Suresnes"}]""",
					activity(borrowed))));
		JsonNode drafted = JSON.readTree(planEvents(vouched, 1).get(0).value());
		assertThat(drafted.get("activities").get(0).get("vouchedBySteward").asBoolean()).isTrue();
	}

	@Test
	void refusesActivitiesOfAnEndedPartnershipButAcceptsADormantOne() throws Exception {
		String dormant = publishPartnership(PartnershipStatus.DORMANT, 1);
		String ended = publishPartnership(PartnershipStatus.ENDED, 2);
		awaitCreated(() -> draft2020(dormant));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Answer refused = draft2020(ended);
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.body()).contains("has ENDED");
		});
	}

	@Test
	void parksAnUnreadableRecordOnTheDeadLetterTopicAndGoesOn() throws Exception {
		String poisonId = UUID.randomUUID().toString();
		ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.PARTNERSHIP_EVENTS, "broken",
				"{this is not json".getBytes(StandardCharsets.UTF_8));
		poison.headers()
			.add("ce_specversion", bytes("1.0"))
			.add("ce_id", bytes(poisonId))
			.add("ce_source", bytes("/partnership-service"))
			.add("ce_type", bytes("org.decoop.PartnershipEstablished"))
			.add("ce_subject", bytes("broken"))
			.add("content-type", bytes("application/json"));
		events.send(poison);
		ProducerRecord<String, byte[]> unknownType = new ProducerRecord<>(Topics.PARTNERSHIP_EVENTS, "future",
				"{}".getBytes(StandardCharsets.UTF_8));
		unknownType.headers()
			.add("ce_id", bytes(UUID.randomUUID().toString()))
			.add("ce_type", bytes("org.decoop.PartnershipTwinned"));
		events.send(unknownType);

		String afterwards = publishPartnership(PartnershipStatus.ACTIVE, 0);

		awaitCreated(() -> draft2020(afterwards));
		try (KafkaConsumer<String, byte[]> consumer = EventTopics.consumer(DLQ)) {
			EventTopics.records(consumer, record -> poisonId.equals(header(record, "ce_id")), 1);
		}
		try (KafkaConsumer<String, byte[]> consumer = EventTopics.consumer(DLQ)) {
			assertThat(consumer.poll(Duration.ofSeconds(1))).extracting(record -> header(record, "ce_type"))
				.as("an unknown type is skipped, not parked")
				.doesNotContain("org.decoop.PartnershipTwinned");
		}
	}

	@Test
	void totalsFundingByThemeAndSourceAcrossPlans() throws Exception {
		String partnership = publishPartnership(PartnershipStatus.ACTIVE, 0);
		awaitCreated(() -> api.post("/api/plans",
				"""
						{"year": 2031, "title": "Stats A", "parties": [{"code": "A1", "name": "A"}, {"code": "B1", "name": "B"}],
						 "themes": ["ENVIRONMENT"], "activities": [
						   {"title": "Clean river", "theme": "ENVIRONMENT", "partnershipIds": ["%1$s"],
						    "funding": [{"source": "EU_CALL", "amountEur": 1000.50}, {"source": "LOCAL_BUDGET", "amountEur": 99.50}]},
						   {"title": "Youth forum", "theme": "YOUTH", "partnershipIds": ["%1$s"],
						    "funding": [{"source": "EU_CALL", "amountEur": 500}]}]}"""
					.formatted(partnership)));
		String cancelled = id(api.post("/api/plans",
				"""
						{"year": 2031, "title": "Stats B", "parties": [{"code": "A1", "name": "A"}, {"code": "B1", "name": "B"}],
						 "activities": [{"title": "Dropped", "theme": "YOUTH", "partnershipIds": ["%s"],
						    "funding": [{"source": "FRENCH_MFA", "amountEur": 7777}]}]}"""
					.formatted(partnership)));
		assertThat(
				api.post("/api/plans/" + cancelled + "/cancellation", "{\"reason\": \"Merged into A\"}").statusCode())
			.isEqualTo(200);

		JsonNode stats = JSON.readTree(api.get("/api/plans/stats?year=2031").body());
		assertThat(stats.get("plansByStatus").get("DRAFT").asLong()).isEqualTo(1);
		assertThat(stats.get("plansByStatus").get("CANCELLED").asLong()).isEqualTo(1);
		assertThat(stats.get("fundingByThemeEur").get("ENVIRONMENT").decimalValue()).isEqualByComparingTo("1100.00");
		assertThat(stats.get("fundingByThemeEur").get("YOUTH").decimalValue()).isEqualByComparingTo("500.00");
		assertThat(stats.get("fundingBySourceEur").get("EU_CALL").decimalValue()).isEqualByComparingTo("1500.50");
		assertThat(stats.get("fundingBySourceEur").get("FRENCH_MFA").decimalValue()).isEqualByComparingTo("0");
		assertThat(stats.get("totalFundingEur").decimalValue()).isEqualByComparingTo("1600.00");

		JsonNode listed = JSON
			.readTree(api.get("/api/plans?year=2031&status=CANCELLED&partnershipId=" + partnership).body());
		assertThat(listed.get("content").size()).isEqualTo(1);
		assertThat(listed.get("content").get(0).get("cancellationReason").asString()).isEqualTo("Merged into A");
	}

	@Test
	void exportsEveryActivityOfEveryPlanTheSearchFindsAsCsvThatSurvivesARoundTrip() throws Exception {
		String partnership = publishPartnership(PartnershipStatus.ACTIVE, 0);
		// Cyrillic and Latin Serbian, commas, quotes and a line break: what RFC 4180 has
		// to quote
		String cyrillic = "Акциони план 2020, Сремска Митровица";
		String latin = "Akcioni plan \\\"Šabac\\\",\\nzajedno"; // JSON-escaped: quotes
																// and a line break
		List<String> activityTitles = new ArrayList<>();
		StringBuilder activities = new StringBuilder();
		for (int i = 0; i < 22; i++) {
			String title = "Razmena mladih №%d, \\\"Niš\\\"".formatted(i); // JSON-escaped
																			// quotes
			activityTitles.add(title.replace("\\\"", "\""));
			activities.append(i == 0 ? "" : ", ")
				.append("""
						{"title": "%s", "theme": "YOUTH", "partnershipIds": ["%s"],
						 "funding": [{"source": "FRENCH_MFA", "amountEur": 1000.5}, {"source": "LOCAL_BUDGET", "amountEur": %d}]}"""
					.formatted(title, partnership, i));
		}
		String big = id(awaitCreated(() -> api.post("/api/plans", """
				{"year": 2022, "title": "%s", "parties": [{"code": "A1", "name": "A"}, {"code": "B1", "name": "B"}],
				 "activities": [%s]}""".formatted(cyrillic, activities))));
		String small = id(api.post("/api/plans", """
				{"year": 2023, "title": "%s", "parties": [{"code": "A1", "name": "A"}, {"code": "B1", "name": "B"}],
				 "activities": [{"title": "Вече српске културе", "theme": "CULTURE", "partnershipIds": ["%s"],
				                 "funding": [{"source": "EU_CALL", "amountEur": 99.99}]}]}""".formatted(latin,
				partnership)));

		Answer csv = anonymous.get("/api/plans?partnershipId=" + partnership, "text/csv");

		List<Map<String, String>> rows = csv.csvExport();
		assertThat(rows).as("one row per activity, every one, not one page").hasSize(23);
		assertThat(rows.get(0).keySet()).containsExactly("plan_id", "year", "plan_status", "plan_title", "activity_id",
				"activity_title", "theme", "partnership_ids", "eur_french_mfa", "eur_eu_call", "eur_local_budget",
				"eur_other");
		assertThat(rows.get(0)).as("newest year first")
			.containsEntry("plan_id", small)
			.containsEntry("year", "2023")
			.containsEntry("plan_status", "DRAFT")
			.containsEntry("plan_title", "Akcioni plan \"Šabac\",\nzajedno")
			.containsEntry("activity_title", "Вече српске културе")
			.containsEntry("theme", "CULTURE")
			.containsEntry("partnership_ids", partnership)
			.containsEntry("eur_eu_call", "99.99")
			.containsEntry("eur_french_mfa", "0.00");
		assertThat(rows.subList(1, 23)).allSatisfy(row -> assertThat(row).containsEntry("plan_id", big)
			.containsEntry("plan_title", cyrillic)
			.containsEntry("eur_french_mfa", "1000.50"));
		assertThat(rows.subList(1, 23)).extracting(row -> row.get("activity_title"))
			.containsExactlyElementsOf(activityTitles);

		assertThat(anonymous.get("/api/plans?year=2023&partnershipId=" + partnership, "text/csv").body().split("\r\n"))
			.as("the same filters as the JSON list")
			.hasSize(2);
		assertThat(JSON.readTree(anonymous.get("/api/plans?partnershipId=" + partnership, "*/*").body())
			.get("content")
			.size()).as("JSON stays the default (curl asks for */*)").isEqualTo(2);
	}

	@Test
	void writesATextCellASpreadsheetWouldRunAsAFormulaWithAQuoteInFront() throws Exception {
		String partnership = publishPartnership(PartnershipStatus.ACTIVE, 0);
		List<String> titles = List.of("+381 11 3223 446", "-20 % za mlade", "@SUM(A1:A9)", "Razmena mladih = 2020",
				"'=već tekst");
		StringBuilder activities = new StringBuilder();
		for (String title : titles) {
			activities.append(activities.isEmpty() ? "" : ", ")
				.append("""
						{"title": "%s", "theme": "YOUTH", "partnershipIds": ["%s"], "funding": [{"source": "OTHER", "amountEur": 10}]}"""
					.formatted(title, partnership));
		}
		String plan = id(awaitCreated(() -> api.post("/api/plans",
				"""
						{"year": 2024, "title": "=HYPERLINK(A1)", "parties": [{"code": "A1", "name": "A"}, {"code": "B1", "name": "B"}],
						 "activities": [%s]}"""
					.formatted(activities))));

		List<Map<String, String>> rows = anonymous.get("/api/plans?partnershipId=" + partnership, "text/csv").csvRows();
		assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("plan_id", plan)
			.containsEntry("plan_title", "'=HYPERLINK(A1)")
			.containsEntry("eur_other", "10.00")
			.containsEntry("eur_french_mfa", "0.00"));
		assertThat(rows).extracting(row -> row.get("activity_title"))
			.containsExactly("'+381 11 3223 446", "'-20 % za mlade", "'@SUM(A1:A9)", "Razmena mladih = 2020",
					"'=već tekst");
		assertThat(JSON.readTree(api.get("/api/plans/" + plan).body()).get("title").asString())
			.as("only the CSV cell is escaped, never what is stored")
			.isEqualTo("=HYPERLINK(A1)");
	}

	@Test
	void draftsAPlanOnceWhenItsCreationIsSentAgainWithTheSameIdempotencyKey() throws Exception {
		String partnership = publishPartnership(PartnershipStatus.ACTIVE, 0);
		awaitCreated(() -> draft2020(partnership)); // the service knows the partnership
													// now
		ServiceApi retrying = api.with("Idempotency-Key", "\"" + UUID.randomUUID() + "\"");
		String plan = plan2020("""
				[{"code": "AMBAFRANCE-RS", "name": "Ambassade de France"}, {"code": "SKGO", "name": "SKGO"}]""",
				activity(partnership));

		Answer first = retrying.post("/api/plans", plan);
		Answer again = retrying.post("/api/plans", plan);

		again.assertRepeats(first);
		assertThat(JSON.readTree(api.get("/api/plans?partnershipId=" + partnership).body())
			.at("/page/totalElements")
			.asLong()).as("the plan drafted first, and this one").isEqualTo(2);
		try (KafkaConsumer<String, byte[]> consumer = EventTopics.consumer(Topics.PLAN_EVENTS)) {
			assertThat(EventTopics.records(consumer,
					record -> "org.decoop.PlanDrafted".equals(header(record, "ce_type"))
							&& new String(record.value(), StandardCharsets.UTF_8).contains(partnership),
					2))
				.extracting(ConsumerRecord::key)
				.contains(id(first));
		}
		assertThat(anonymous.get("/v3/api-docs").body()).contains("Idempotency-Key");
	}

	@Test
	void givesAStreamedCsvExportMoreThanTheServletContainersDefaultAsyncTimeout() {
		// the export is an async request: Tomcat's default (30 s) would cut a large one
		// off after its 200
		assertThat(webMvc.getAsync().getRequestTimeout()).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
	}

	private Answer draft2020(String partnershipId) {
		return api.post("/api/plans",
				"""
						{"year": 2020, "title": "Akcioni plan 2020",
						 "parties": [{"code": "AMBAFRANCE-RS", "name": "Ambassade de France en Serbie"},
						             {"code": "SKGO", "name": "Stalna konferencija gradova i opština"}],
						 "themes": ["GENDER_EQUALITY", "RULE_OF_LAW", "YOUTH", "LOCAL_ECONOMIC_DEVELOPMENT", "ENVIRONMENT", "URBAN_PLANNING"],
						 "activities": [%s]}"""
					.formatted(activity(partnershipId)));
	}

	private static String plan2020(String parties, String activities) {
		return """
				{"year": 2020, "title": "Plan 2020", "parties": %s, "themes": ["YOUTH"], "activities": [%s]}"""
			.formatted(parties, activities);
	}

	private static String activity(String partnershipId) {
		return """
				{"title": "Nevers – Sremska Mitrovica: youth exchange", "theme": "YOUTH", "partnershipIds": ["%s"],
				 "startsOn": "2020-04-01", "endsOn": "2020-10-31",
				 "funding": [{"source": "FRENCH_MFA", "amountEur": 30000}, {"source": "LOCAL_BUDGET", "amountEur": 15000.00}]}"""
			.formatted(partnershipId);
	}

	/**
	 * Publishes a partnership event as partnership-service would, and returns the
	 * partnership's id.
	 */
	private static String publishPartnership(PartnershipStatus status, long version) throws Exception {
		return publishPartnership(status, version, null, null);
	}

	/** ... with these two partners' codes (null: partners recorded before codes). */
	private static String publishPartnership(PartnershipStatus status, long version, String frenchCode,
			String serbianCode) throws Exception {
		String id = UUID.randomUUID().toString();
		List<PartnershipEvent.Partner> partners = List.of(
				new PartnershipEvent.Partner("nevers", "Nevers", "FR", frenchCode),
				new PartnershipEvent.Partner("sremska-mitrovica", "Sremska Mitrovica", "RS", serbianCode));
		PartnershipEvent event = status == PartnershipStatus.ENDED
				? new PartnershipEnded(id, version, status, partners, Set.of(Theme.CULTURE), "Ended", Instant.now())
				: new PartnershipEstablished(id, version, status, partners, 2005, Set.of(Theme.CULTURE), null,
						Instant.now());
		events.publish(event);
		return id;
	}

	/** {@code signedBy} signs for {@code party}: a user of that name acting for it. */
	private Answer sign(String planId, String party, String signedBy) {
		return anonymous.as(TOKENS.user(signedBy, party))
			.post("/api/plans/" + planId + "/signatures", "{\"party\": \"%s\"}".formatted(party));
	}

	private static String id(Answer response) {
		return JSON.readTree(response.body()).get("id").asString();
	}

	private static String field(Answer response) {
		return JSON.readTree(response.body()).get("field").asString();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
