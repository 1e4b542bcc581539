package org.decoop.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.decoop.platform.testing.EventTopics.header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.decoop.events.Theme;
import org.decoop.events.Topics;
import org.decoop.events.plan.ActivityCompleted;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSigned;
import org.decoop.platform.outbox.CloudEventRecords;
import org.decoop.platform.testing.EventPublisher;
import org.decoop.platform.testing.EventTopics;
import org.decoop.platform.testing.ServiceApi.Answer;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * partnership-service as a client meets it: HTTP in, CloudEvents on
 * {@code partnership-events} out, against the embedded Kafka broker and the in-process
 * MongoDB wire server.
 */
@ServiceScenario(database = "partnerships-it")
class PartnershipServiceIntegrationTest {

	@RegisterExtension
	static final EventPublisher events = new EventPublisher();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private static final TestTokens TOKENS = TestTokens.shared();

	/** SKGO, a steward: may act for every partnership. */
	private ServiceApi api;

	private ServiceApi anonymous;

	private KafkaConsumer<String, byte[]> consumer;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void connect() {
		anonymous = ServiceApi.onPort(port);
		api = anonymous.as(TOKENS.steward("skgo", "SKGO"));
		consumer = EventTopics.consumer(Topics.PARTNERSHIP_EVENTS);
	}

	@AfterEach
	void closeConsumer() {
		consumer.close();
	}

	@Test
	void publishesEveryLifecycleChangeAsACloudEventKeyedByThePartnership() throws Exception {
		String nevers = createLocalAuthority("Nevers " + run, "FR", "CITY");
		String mitrovica = createLocalAuthority("Sremska Mitrovica " + run, "RS", "CITY");

		Answer created = api.post("/api/partnerships", """
				{"partnerIds": ["%s", "%s"], "since": 2005, "themes": ["CULTURE", "EDUCATION"],
				 "coordinator": {"name": "SKGO coordinator", "email": "coordination@skgo.org"}}""".formatted(nevers,
				mitrovica));
		assertThat(created.statusCode()).isEqualTo(201);
		String id = JSON.readTree(created.body()).get("id").asString();
		assertThat(created.header("Location")).hasValue("/api/partnerships/" + id);
		assertThat(created.header("ETag")).hasValue("\"0\"");

		Answer dormant = api.send("POST", "/api/partnerships/" + id + "/dormancy",
				"{\"reason\": \"No joint project for years\"}", "\"0\"");
		assertThat(dormant.statusCode()).isEqualTo(200);
		assertThat(dormant.header("ETag")).hasValue("\"1\"");
		assertThat(JSON.readTree(dormant.body()).get("status").asString()).isEqualTo("DORMANT");

		assertThat(api.send("POST", "/api/partnerships/" + id + "/reactivation", "{\"reason\": \"Stale\"}", "\"0\"")
			.statusCode()).as("If-Match with a stale version").isEqualTo(412);
		assertThat(api.post("/api/partnerships/" + id + "/dormancy", "{\"reason\": \"Again\"}").statusCode())
			.as("already dormant")
			.isEqualTo(409);

		assertThat(api.post("/api/partnerships/" + id + "/reactivation", "{\"reason\": \"Restarting the cooperation\"}")
			.statusCode()).isEqualTo(200);
		assertThat(api
			.send("POST", "/api/partnerships/" + id + "/termination", "{\"reason\": \"Merged\"}", "\"abc\", \"\"")
			.statusCode()).as("well-formed tags that name no current version evaluate to false").isEqualTo(412);
		assertThat(api.send("POST", "/api/partnerships/" + id + "/termination", "{\"reason\": \"Merged\"}", "abc")
			.statusCode()).as("only a header that is not a list of entity tags is bad input").isEqualTo(400);
		assertThat(api.send("POST", "/api/partnerships/" + id + "/termination", "{\"reason\": \"Merged\"}", "W/\"2\"")
			.statusCode()).as("If-Match compares strongly: a weak tag never matches").isEqualTo(412);
		assertThat(
				api.send("POST", "/api/partnerships/" + id + "/termination", "{\"reason\": \"Merged\"}", "\"1\", \"2\"")
					.statusCode())
			.isEqualTo(200);

		JsonNode body = api.get("/api/partnerships/" + id).json();
		assertThat(body.get("status").asString()).isEqualTo("ENDED");
		assertThat(body.get("history").findValuesAsString("status")).containsExactly("ACTIVE", "DORMANT", "ACTIVE",
				"ENDED");
		assertThat(body.get("history").get(1).get("reason").asString()).isEqualTo("No joint project for years");
		assertThat(body.get("partners").findValuesAsString("country")).containsExactly("FR", "RS");

		List<ConsumerRecord<String, byte[]>> records = EventTopics.recordsWithKey(consumer, id, 4);
		assertThat(records).extracting(record -> header(record, "ce_type"))
			.containsExactly("org.decoop.PartnershipEstablished", "org.decoop.PartnershipWentDormant",
					"org.decoop.PartnershipReactivated", "org.decoop.PartnershipEnded");
		for (ConsumerRecord<String, byte[]> record : records) {
			assertThat(record.key()).isEqualTo(id);
			assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
			assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
			assertThat(header(record, "ce_source")).isEqualTo("/partnership-service");
			assertThat(header(record, "ce_subject")).isEqualTo(id);
			assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
			assertThat(header(record, "content-type")).isEqualTo("application/json");

			CloudEvent event = CloudEventRecords.toCloudEvent(record);
			assertThat(event.getId()).isEqualTo(header(record, "ce_id"));
			assertThat(event.getSubject()).isEqualTo(id);
		}
		assertThat(records).extracting(record -> header(record, "ce_id")).doesNotHaveDuplicates();

		JsonNode established = JSON.readTree(records.get(0).value());
		assertThat(established.get("partnershipId").asString()).isEqualTo(id);
		assertThat(established.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(established.get("since").asInt()).isEqualTo(2005);
		assertThat(established.get("themes").valueStream().map(JsonNode::asString)).containsExactly("CULTURE",
				"EDUCATION");
		assertThat(established.get("partners").get(0).get("id").asString()).isEqualTo(nevers);
		assertThat(established.get("partners").get(0).get("name").asString()).isEqualTo("Nevers " + run);
		assertThat(established.get("partners").get(1).get("country").asString()).isEqualTo("RS");
		assertThat(established.get("occurredAt").asString()).isNotBlank();

		JsonNode wentDormant = JSON.readTree(records.get(1).value());
		assertThat(wentDormant.get("reason").asString()).isEqualTo("No joint project for years");
		assertThat(wentDormant.get("version").asLong()).isEqualTo(1);
		assertThat(wentDormant.get("partners").size()).isEqualTo(2);
		assertThat(JSON.readTree(records.get(3).value()).get("status").asString()).isEqualTo("ENDED");
	}

	@Test
	void reactivatesADormantPartnershipOnceWhenAPlanNamingItIsSigned() throws Exception {
		String nevers = createLocalAuthority("Nevers " + run, "FR", "CITY");
		String mitrovica = createLocalAuthority("Sremska Mitrovica " + run, "RS", "CITY");
		String suresnes = createLocalAuthority("Suresnes " + run, "FR", "CITY");
		String kragujevac = createLocalAuthority("Kragujevac " + run, "RS", "CITY");
		String dormant = establish(nevers, mitrovica, "YOUTH");
		String active = establish(suresnes, kragujevac, "CULTURE");
		api.post("/api/partnerships/" + dormant + "/dormancy", "{\"reason\": \"No joint project since 2012\"}");

		String planId = "plan-" + run;
		ProducerRecord<String, byte[]> planSigned = EventTopics
			.record(new PlanSigned(planId, 2, 2020, "Akcioni plan 2020",
					signedBy(codeOf("Nevers " + run, "FR"), codeOf("Suresnes " + run, "FR")), Set.of(Theme.YOUTH),
					List.of(new PlanEvent.Activity("a1", "Restart", Theme.YOUTH,
							List.of(dormant, active, "unknown-partnership"), null, null, List.of())),
					Instant.now()), Topics.PLAN_EVENTS, "/plan-service");
		events.send(planSigned);
		events.send(planSigned);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api.get("/api/partnerships/" + dormant).json().get("status").asString())
				.isEqualTo("ACTIVE"));
		JsonNode history = api.get("/api/partnerships/" + dormant).json().get("history");
		assertThat(history.get(2).get("planId").asString()).isEqualTo(planId);
		assertThat(history.get(2).get("reason").asString()).contains("Akcioni plan 2020");
		assertThat(history.get(2).get("by").asString()).as("the choreography acts as the service")
			.isEqualTo("partnership-service");

		List<ConsumerRecord<String, byte[]>> records = EventTopics.recordsWithKey(consumer, dormant, 3);
		assertThat(header(records.get(2), "ce_type")).isEqualTo("org.decoop.PartnershipReactivated");
		assertThat(JSON.readTree(records.get(2).value()).get("planId").asString()).isEqualTo(planId);
		assertThat(header(records.get(2), "ce_authtype")).isEqualTo("system");
		assertThat(header(records.get(2), "ce_authid")).isEqualTo("partnership-service");
		assertThat(header(records.get(1), "ce_authtype")).as("the dormancy was SKGO's").isEqualTo("user");
		assertThat(header(records.get(1), "ce_authid")).isEqualTo(TestTokens.subjectOf("skgo"));
		assertThat(api.get("/api/partnerships/" + active).json().get("history").size())
			.as("an ACTIVE partnership is not reactivated")
			.isEqualTo(1);
	}

	@Test
	void ignoresAPlanThatNamesAPartnershipNoneOfItsPartiesIsPartOfWithoutParkingIt() throws Exception {
		String borrowed = establish(createLocalAuthority("Nevers " + run, "FR", "CITY"),
				createLocalAuthority("Sremska Mitrovica " + run, "RS", "CITY"), "YOUTH");
		String own = establish(createLocalAuthority("Suresnes " + run, "FR", "CITY"),
				createLocalAuthority("Kragujevac " + run, "RS", "CITY"), "CULTURE");
		api.post("/api/partnerships/" + borrowed + "/dormancy", "{\"reason\": \"No joint project since 2012\"}");
		api.post("/api/partnerships/" + own + "/dormancy", "{\"reason\": \"Quiet\"}");
		String planId = "borrowing-" + run;
		List<String> parties = List.of(codeOf("Suresnes " + run, "FR"), codeOf("Kragujevac " + run, "RS"));
		LocalDate completedOn = LocalDate.now(ZoneOffset.UTC).plusDays(1);

		// the same key (plan id): one partition, applied in this order
		events.send(EventTopics.record(new PlanSigned(planId, 2, 2020, "Plan of Suresnes and Kragujevac",
				signedBy(parties.toArray(String[]::new)), Set.of(Theme.YOUTH),
				List.of(new PlanEvent.Activity("a1", "Borrowed", Theme.YOUTH, List.of(borrowed), null, null, List.of(),
						false),
						new PlanEvent.Activity("a2", "Own", Theme.CULTURE, List.of(own), null, null, List.of(), false)),
				Instant.now()), Topics.PLAN_EVENTS, "/plan-service"));
		events.send(EventTopics.record(new ActivityCompleted(planId, 3, "a1", "Borrowed", Theme.YOUTH,
				List.of(borrowed, own), completedOn, parties, false, Instant.now()), Topics.PLAN_EVENTS,
				"/plan-service"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(anonymous.get("/api/partnerships/" + own).json().get("lastActivityOn").asString())
						.isEqualTo(completedOn.toString()));
		JsonNode notReactivated = anonymous.get("/api/partnerships/" + borrowed).json();
		assertThat(notReactivated.get("status").asString()).isEqualTo("DORMANT");
		assertThat(notReactivated.get("lastActivityOn").asString()).isNotEqualTo(completedOn.toString());
		assertThat(anonymous.get("/api/partnerships/" + own).json().get("status").asString()).isEqualTo("ACTIVE");
		// both were applied (the ActivityCompleted moved the own partnership on), none of
		// them was parked
		assertThat(anonymous.as(TOKENS.ops("operator")).get("/api/ops/dead-letters").json().findValuesAsString("key"))
			.as("logged and ignored, never parked")
			.doesNotContain(planId);
	}

	/** A PlanSigned's parties, each with a signature. */
	private static List<PlanEvent.SignedParty> signedBy(String... codes) {
		return Arrays.stream(codes).map(code -> new PlanEvent.SignedParty(code, code, "Mayor", Instant.now())).toList();
	}

	@Test
	void parksAPlanSignedThatPlanServiceDidNotPublishInsteadOfApplyingIt() throws Exception {
		String nevers = createLocalAuthority("Nevers " + run, "FR", "CITY");
		String mitrovica = createLocalAuthority("Sremska Mitrovica " + run, "RS", "CITY");
		String dormant = establish(nevers, mitrovica, "YOUTH");
		api.post("/api/partnerships/" + dormant + "/dormancy", "{\"reason\": \"Quiet\"}");
		ProducerRecord<String, byte[]> forged = EventTopics.record(new PlanSigned("forged-" + run, 2, 2020,
				"Forged plan", List.of(), Set.of(Theme.YOUTH),
				List.of(new PlanEvent.Activity("a1", "Restart", Theme.YOUTH, List.of(dormant), null, null, List.of())),
				Instant.now()), Topics.PLAN_EVENTS, "/notification-service");
		events.send(forged);

		try (KafkaConsumer<String, byte[]> dlq = EventTopics.consumer("plan-events.partnership-service.dlq")) {
			ConsumerRecord<String, byte[]> parked = EventTopics
				.records(dlq, record -> ("forged-" + run).equals(record.key()), 1)
				.get(0);
			assertThat(header(parked, "kafka_dlt-exception-message")).contains("ce_source=/notification-service")
				.contains("only /plan-service publishes PlanSigned");
		}
		assertThat(anonymous.get("/api/partnerships/" + dormant).json().get("status").asString()).as("never applied")
			.isEqualTo("DORMANT");
	}

	@Test
	void refusesBadPartnershipsWithoutWritingOrPublishingAnything() throws Exception {
		String suresnes = createLocalAuthority("Suresnes " + run, "FR", "CITY");
		long before = totalPartnerships();

		Answer unknown = api.post("/api/partnerships",
				"{\"partnerIds\": [\"%s\", \"no-such-authority\"], \"themes\": []}".formatted(suresnes));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(unknown.body()).get("field").asString()).isEqualTo("partnerIds[1]");

		Answer twice = api.post("/api/partnerships",
				"{\"partnerIds\": [\"%s\", \"%s\"], \"themes\": []}".formatted(suresnes, suresnes));
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(twice.body()).get("field").asString()).isEqualTo("partnerIds[1]");

		Answer unknownTheme = api.post("/api/partnerships",
				"{\"partnerIds\": [\"%s\", \"x\"], \"themes\": [\"KNITTING\"]}".formatted(suresnes));
		assertThat(unknownTheme.statusCode()).isEqualTo(400);
		assertThat(unknownTheme.header("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(unknownTheme.body()).get("field").asString()).isEqualTo("themes[0]");

		Answer malformed = api.post("/api/partnerships", "{\"partnerIds\": [");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(malformed.body()).get("type").asString())
			.isEqualTo("https://decoop.org/problems/malformed-json");

		assertThat(api.get("/api/partnerships/no-such-partnership").statusCode()).isEqualTo(404);
		assertThat(api.post("/api/partnerships/no-such-partnership/dormancy", "{\"reason\": \"x\"}").statusCode())
			.isEqualTo(404);
		assertThat(totalPartnerships()).isEqualTo(before);
		assertThat(recordsMentioning(suresnes)).isEmpty();
	}

	@Test
	void answersWhatATolerantServerWouldChokeOnWithAProblemNeverA500() {
		for (String query : List.of("country=%FF", "country=%C0%AF", "status=%ED%A0%80", "q=%E2%82")) {
			Answer answer = api.raw("GET", "/api/partnerships?" + query, null, null);
			assertThat(answer.statusCode()).as(query).isEqualTo(400);
			assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
		}
		Answer nul = api.raw("GET", "/api/local-authorities?q=a%00b", null, null);
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(nul.json().get("field").asString()).isEqualTo("q");

		Answer wildcard = api.raw("POST", "/api/local-authorities", "*/*",
				"{\"name\": \"X %s\", \"country\": \"FR\", \"kind\": \"CITY\"}".formatted(run));
		assertThat(wildcard.statusCode()).isEqualTo(415);
		assertThat(wildcard.json().get("type").asString())
			.isEqualTo("https://decoop.org/problems/unsupported-media-type");
		assertThat(api.get("/api/local-authorities?q=X%20" + run).json().get("page").get("totalElements").asLong())
			.as("nothing written")
			.isZero();
		assertThat(api.raw("POST", "/api/local-authorities", "multipart/form-data", "x").statusCode()).isEqualTo(415);
		assertThat(api.raw("GET", "/api/partnerships", "multipart/mixed", "x").statusCode()).isLessThan(500);
		assertThat(api.raw("PUT", "/api/partnerships/x", "application/x-www-form-urlencoded", "%zz").statusCode())
			.isBetween(400, 499);
	}

	@Test
	void keepsOneLocalAuthorityPerNameAndCountry() throws Exception {
		createLocalAuthority("Kragujevac " + run, "RS", "CITY");

		Answer duplicate = api.post("/api/local-authorities",
				"{\"code\": \"RS-OTHER-%s\", \"name\": \"  kragujevac %s \", \"country\": \"RS\", \"kind\": \"CITY\"}"
					.formatted(run.toUpperCase(java.util.Locale.ROOT), run));
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(duplicate.body()).get("field").asString()).isEqualTo("name");

		Answer sameCode = api.post("/api/local-authorities",
				"{\"code\": \"%s\", \"name\": \"Kragujevac Bis %s\", \"country\": \"RS\", \"kind\": \"CITY\"}"
					.formatted(codeOf("Kragujevac " + run, "RS"), run));
		assertThat(sameCode.statusCode()).isEqualTo(409);
		assertThat(sameCode.json().get("field").asString()).isEqualTo("code");
		assertThat(api.get("/api/local-authorities?code=" + codeOf("Kragujevac " + run, "RS"))
			.json()
			.get("content")
			.findValuesAsString("name")).containsExactly("Kragujevac " + run);

		Answer badKind = api.post("/api/local-authorities",
				"{\"code\": \"RS-KRAG\", \"name\": \"Kragujevac %s\", \"country\": \"RS\", \"kind\": \"TOWN\"}"
					.formatted(run));
		assertThat(badKind.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(badKind.body()).get("field").asString()).isEqualTo("kind");

		assertThat(api
			.post("/api/local-authorities",
					"{\"code\": \"%s\", \"name\": \"Kragujevac %s\", \"country\": \"FR\", \"kind\": \"CITY\"}"
						.formatted(codeOf("Kragujevac " + run, "FR"), run))
			.statusCode()).as("same name, other country").isEqualTo(201);

		JsonNode found = api.get("/api/local-authorities?country=RS&q=KRAGUJ").json();
		assertThat(found.get("content").findValuesAsString("name")).contains("Kragujevac " + run);
		assertThat(found.get("page").get("size").asInt()).isEqualTo(20);
	}

	@Test
	void exportsEveryPartnershipTheSearchFindsAsCsvThatSurvivesARoundTrip() throws Exception {
		// Cyrillic and Latin Serbian, a comma and quotes: what RFC 4180 has to quote
		String mitrovica = createLocalAuthority("Сремска Митровица " + run, "RS", "CITY");
		String sabac = createLocalAuthority("Šabac, \\\"grad\\\" " + run, "RS", "CITY");
		String nevers = createLocalAuthority("Nevers " + run, "FR", "CITY");
		List<String> established = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			established.add(establish(nevers, i % 2 == 0 ? mitrovica : sabac, "CULTURE", "YOUTH"));
		}

		Answer csv = anonymous.get("/api/partnerships?localAuthorityId=" + nevers, "text/csv");

		List<Map<String, String>> rows = csv.csvExport();
		assertThat(rows).as("every row, not one page").hasSize(25);
		assertThat(rows).extracting(row -> row.get("id")).containsExactlyInAnyOrderElementsOf(established);
		assertThat(rows).extracting(row -> row.get("partner_names"))
			.as("names in the script of a reader without Accept-Language: Latin")
			.contains("Nevers " + run + "; Sremska Mitrovica " + run, "Nevers " + run + "; Šabac, \"grad\" " + run);
		assertThat(rows.get(0)).containsEntry("status", "ACTIVE")
			.containsEntry("themes", "CULTURE; YOUTH")
			.containsEntry("countries", "FR; RS")
			.doesNotContainKey("coordinator");

		assertThat(anonymous.get("/api/partnerships?localAuthorityId=" + nevers, "*/*").json().get("content").size())
			.as("JSON stays the default (curl asks for */*): one page")
			.isEqualTo(20);
	}

	@Test
	void filtersAndPagesPartnerships() throws Exception {
		String gironde = createLocalAuthority("Gironde " + run, "FR", "DEPARTMENT");
		String nis = createLocalAuthority("Niš " + run, "RS", "CITY");
		String arles = createLocalAuthority("Arles " + run, "FR", "CITY");
		String girondeNis = establish(gironde, nis, "AGRICULTURE", "YOUTH");
		String arlesNis = establish(arles, nis, "HERITAGE");
		api.post("/api/partnerships/" + arlesNis + "/dormancy", "{\"reason\": \"Quiet\"}");

		JsonNode withNis = api.get("/api/partnerships?localAuthorityId=" + nis).json();
		assertThat(ids(withNis)).containsExactlyInAnyOrder(girondeNis, arlesNis);
		assertThat(withNis.get("page").get("totalElements").asLong()).isEqualTo(2);

		JsonNode dormantHeritage = api
			.send("GET", "/api/partnerships?status=DORMANT&theme=HERITAGE&country=RS&localAuthorityId=" + nis, null,
					null)
			.json();
		assertThat(ids(dormantHeritage)).containsExactly(arlesNis);

		JsonNode firstPage = api.get("/api/partnerships?localAuthorityId=" + nis + "&size=1").json();
		assertThat(firstPage.get("content").size()).isEqualTo(1);
		assertThat(firstPage.get("page").get("totalPages").asInt()).isEqualTo(2);
	}

	@Test
	void carriesWhereThePartnersAreToTheApiAndTheEvents() throws Exception {
		String nevers = createLocalAuthority("Nevers " + run, "FR", "CITY",
				", \"latitude\": 46.9896, \"longitude\": 3.159");
		String mitrovica = createLocalAuthority("Sremska Mitrovica " + run, "RS", "CITY", "");
		assertThat(anonymous.get("/api/local-authorities/" + nevers).json().get("latitude").asDouble())
			.isEqualTo(46.9896);

		String id = establish(nevers, mitrovica, "CULTURE");

		JsonNode partners = anonymous.get("/api/partnerships/" + id).json().get("partners");
		assertThat(partners.get(0).get("latitude").asDouble()).isEqualTo(46.9896);
		assertThat(partners.get(0).get("longitude").asDouble()).isEqualTo(3.159);
		assertThat(partners.get(1).get("latitude").isNull()).as("a place not given stays unknown").isTrue();
		JsonNode published = JSON.readTree(EventTopics.recordsWithKey(consumer, id, 1).get(0).value()).get("partners");
		assertThat(published.get(0).get("latitude").asDouble()).isEqualTo(46.9896);
		assertThat(published.get(0).get("longitude").asDouble()).isEqualTo(3.159);
		assertThat(published.get(1).get("longitude").isNull()).isTrue();
	}

	@Test
	void letsOnlyItsPartnersOrAStewardChangeAPartnershipWithAValidToken() throws Exception {
		String nevers = createLocalAuthority("Nevers " + run, "FR", "CITY");
		String mitrovica = createLocalAuthority("Sremska Mitrovica " + run, "RS", "CITY");
		String neversCode = codeOf("Nevers " + run, "FR");
		ServiceApi neversTown = anonymous.as(TOKENS.user("nevers", neversCode));
		ServiceApi kragujevacTown = anonymous.as(TOKENS.user("kragujevac", "RS-KRAGUJEVAC"));
		String body = """
				{"partnerIds": ["%s", "%s"], "themes": ["YOUTH"], "coordinator": {"name": "Coordination", "email": "c@nevers.example"}}"""
			.formatted(nevers, mitrovica);

		Answer noToken = anonymous.post("/api/partnerships", body);
		noToken.assertUnauthenticated();
		assertThat(kragujevacTown.post("/api/partnerships", body).statusCode()).as("acts for neither partner")
			.isEqualTo(403);
		assertThat(anonymous.as(TOKENS.user("someone", "FR-NOWHERE")).post("/api/partnerships", body).statusCode())
			.as("a code that names nothing known grants nothing")
			.isEqualTo(403);
		assertThat(anonymous.as(TOKENS.user("someone", "FR-NOWHERE"))
			.post("/api/local-authorities",
					"{\"code\": \"FR-NOWHERE\", \"name\": \"Nowhere\", \"country\": \"FR\", \"kind\": \"CITY\"}")
			.statusCode()).as("only a steward registers a local authority").isEqualTo(403);

		Answer established = neversTown.post("/api/partnerships", body);
		assertThat(established.statusCode()).isEqualTo(201);
		String id = established.id();
		String dormancy = "/api/partnerships/" + id + "/dormancy";
		String reason = "{\"reason\": \"Quiet\"}";
		assertThat(kragujevacTown.post(dormancy, reason).statusCode()).isEqualTo(403);
		assertThat(anonymous.as(TOKENS.signedByAnotherKey("nevers", neversCode)).post(dormancy, reason).statusCode())
			.as("signed by a key the issuer does not have")
			.isEqualTo(401);
		assertThat(anonymous
			.as(TOKENS.tampered("nevers", List.of(neversCode),
					claims -> claims.expirationTime(java.util.Date.from(Instant.now().minusSeconds(120)))))
			.post(dormancy, reason)
			.statusCode()).as("expired").isEqualTo(401);
		assertThat(anonymous
			.as(TOKENS.tampered("nevers", List.of(neversCode),
					claims -> claims.issuer("http://evil.test/realms/decoop")))
			.post(dormancy, reason)
			.statusCode()).as("another issuer").isEqualTo(401);
		assertThat(
				anonymous.as(TOKENS.tampered("nevers", List.of(neversCode), claims -> claims.audience("another-api")))
					.post(dormancy, reason)
					.statusCode())
			.as("another audience")
			.isEqualTo(401);
		assertThat(anonymous.as("not.a.jwt").post(dormancy, reason).statusCode()).as("malformed").isEqualTo(401);
		assertThat(anonymous.get("/api/partnerships/" + id).json().get("version").asLong()).as("nothing changed")
			.isZero();

		assertThat(neversTown.post(dormancy, reason).statusCode()).isEqualTo(200);
		assertThat(api.post("/api/partnerships/" + id + "/reactivation", "{\"reason\": \"SKGO restarts it\"}")
			.statusCode()).as("a steward").isEqualTo(200);

		assertThat(anonymous.get("/api/partnerships/" + id).header("Vary"))
			.as("the answer depends on who asks: caches keep one per caller")
			.hasValueSatisfying(vary -> assertThat(vary).contains("Authorization"));
		JsonNode seenByAnyone = anonymous.get("/api/partnerships/" + id).json();
		assertThat(seenByAnyone.get("history").findValuesAsString("by")).containsExactly("nevers", "nevers", "skgo");
		assertThat(seenByAnyone.get("coordinator").get("name").asString()).isEqualTo("Coordination");
		assertThat(seenByAnyone.get("coordinator").get("email").isNull()).as("an e-mail only for partners and stewards")
			.isTrue();
		assertThat(kragujevacTown.get("/api/partnerships/" + id).json().get("coordinator").get("email").isNull())
			.isTrue();
		assertThat(neversTown.get("/api/partnerships/" + id).json().get("coordinator").get("email").asString())
			.isEqualTo("c@nevers.example");
		assertThat(api.get("/api/partnerships/" + id).json().get("coordinator").get("email").asString())
			.isEqualTo("c@nevers.example");
		assertThat(seenByAnyone.get("partners").findValuesAsString("code")).containsExactly(neversCode,
				codeOf("Sremska Mitrovica " + run, "RS"));

		List<ConsumerRecord<String, byte[]>> records = EventTopics.recordsWithKey(consumer, id, 3);
		assertThat(records).extracting(record -> header(record, "ce_authtype")).containsOnly("user");
		assertThat(new String(records.get(0).value(), java.nio.charset.StandardCharsets.UTF_8))
			.as("the coordinator's e-mail never goes out to every subscriber")
			.doesNotContain("c@nevers.example")
			.contains("Coordination");
		assertThat(records).extracting(record -> header(record, "ce_authid"))
			.containsExactly(TestTokens.subjectOf("nevers"), TestTokens.subjectOf("nevers"),
					TestTokens.subjectOf("skgo"));
	}

	@Test
	void establishesAPartnershipOnceWhenItsCreationIsSentAgainWithTheSameIdempotencyKey() throws Exception {
		String nevers = createLocalAuthority("Nevers " + run, "FR", "CITY");
		String mitrovica = createLocalAuthority("Sremska Mitrovica " + run, "RS", "CITY");
		ServiceApi retrying = api.with("Idempotency-Key", "\"" + UUID.randomUUID() + "\"");
		String creation = """
				{"partnerIds": ["%s", "%s"], "since": 2005, "themes": ["CULTURE"]}""".formatted(nevers, mitrovica);

		Answer first = retrying.post("/api/partnerships", creation);
		Answer again = retrying.post("/api/partnerships", creation);
		Answer other = retrying.post("/api/partnerships", creation.replace("2005", "2006"));

		again.assertRepeats(first);
		assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
		assertThat(other.statusCode()).as("the same key with another body").isEqualTo(422);
		assertThat(api.get("/api/partnerships?localAuthorityId=" + nevers).json().at("/page/totalElements").asLong())
			.as("partnerships of Nevers")
			.isEqualTo(1);
		String id = first.id();
		assertThat(EventTopics.records(consumer,
				record -> "org.decoop.PartnershipEstablished".equals(header(record, "ce_type"))
						&& new String(record.value(), StandardCharsets.UTF_8).contains(nevers),
				1))
			.extracting(ConsumerRecord::key)
			.containsExactly(id);
		assertThat(anonymous.get("/v3/api-docs").body()).contains("Idempotency-Key");
	}

	@Test
	void reportsHealthMetricsAndItsApi() throws Exception {
		ServiceApi ops = anonymous.as(TOKENS.ops("operator"));
		Answer health = ops.get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode components = JSON.readTree(health.body()).get("components");
		assertThat(components.get("mongo").get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.get("/actuator/health").json().has("components")).as("details are for ops").isFalse();
		assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(ops.get("/actuator/health/readiness").json().at("/components/mongo/status").asString())
			.as("readiness includes the database")
			.isEqualTo("UP");
		assertThat(ops.get("/actuator/prometheus").body()).contains("decoop_outbox_published");
		assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(api.get("/actuator/prometheus").statusCode()).as("a steward is not ops").isEqualTo(403);
		JsonNode docs = anonymous.get("/v3/api-docs").json();
		assertThat(docs.at("/paths/~1api~1partnerships~1{id}~1reactivation").isMissingNode()).isFalse();
		// a creation's answer documents its Location header (@CreatedResponse)
		JsonNode created = docs.at("/paths/~1api~1partnerships/post/responses/201");
		assertThat(created.at("/description").asString()).isEqualTo("Created; Location names the new resource");
		assertThat(created.at("/headers/Location/description").asString()).isEqualTo("The new resource's path");
		assertThat(created.at("/content").isMissingNode()).as("the body is the method's return type").isFalse();
	}

	@Test
	void opensAPartnerSearchRanksItsMatchesAndClosesIt() throws Exception {
		String maribor = createLocalAuthority("Maribor " + run, "SI", "CITY", 95_000);
		String pula = createLocalAuthority("Pula " + run, "HR", "CITY", 57_000);
		String split = createLocalAuthority("Split " + run, "HR", "CITY", 160_000);
		String osijek = createLocalAuthority("Osijek " + run, "HR", "CITY", 96_000);
		String rijeka = createLocalAuthority("Rijeka " + run, "HR", "CITY", 108_000);
		establish(split, createLocalAuthority("Nice " + run, "FR", "CITY"), "ENVIRONMENT");
		establish(split, createLocalAuthority("Lyon " + run, "FR", "CITY"), "ENVIRONMENT", "CULTURE");
		String withRijeka = establish(maribor, rijeka, "CULTURE");
		ServiceApi forMaribor = anonymous.as(TOKENS.user("maribor", codeOf("Maribor " + run, "SI")));
		ServiceApi forPula = anonymous.as(TOKENS.user("pula", codeOf("Pula " + run, "HR")));
		String openUntil = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(3).toString();
		String search = """
				{"localAuthorityId": "%s", "themes": ["YOUTH", "ENVIRONMENT"], "countries": ["HR"],
				 "description": "Partners for youth exchanges and a clean Drava", "openUntil": "%s"}"""
			.formatted(maribor, openUntil);

		assertThat(anonymous.post("/api/partner-searches", search).statusCode()).isEqualTo(401);
		Answer forbidden = forPula.post("/api/partner-searches", search);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.json().get("detail").asString()).contains(codeOf("Maribor " + run, "SI"));
		Answer pulaSearch = forPula.post("/api/partner-searches", """
				{"localAuthorityId": "%s", "themes": ["YOUTH"], "countries": ["SI", "IT"],
				 "description": "Youth exchanges", "openUntil": "%s"}""".formatted(pula, openUntil));
		assertThat(pulaSearch.statusCode()).as(pulaSearch.body()).isEqualTo(201);
		Answer opened = forMaribor.post("/api/partner-searches", search);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		String id = opened.json().get("id").asString();
		assertThat(opened.header("Location")).hasValue("/api/partner-searches/" + id);
		assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");

		JsonNode matches = anonymous.get("/api/partner-searches/" + id + "/matches").json();
		assertThat(matches.valueStream().map(m -> m.at("/localAuthority/id").asString()))
			.as("mutual first, then experience, then population; never an ACTIVE partner")
			.containsExactly(pula, split, osijek);
		assertThat(matches.get(0).get("reasons").get(0).asString())
			.isEqualTo("also looking for a partner in SI on YOUTH");
		assertThat(matches.get(0).get("searchId").asString()).isEqualTo(pulaSearch.json().get("id").asString());
		assertThat(matches.get(1).get("reasons").get(0).asString())
			.isEqualTo("already partnered with 2 authorities on ENVIRONMENT");
		assertThat(matches.get(2).get("reasons").get(0).asString())
			.isEqualTo("a similar population: 96000 inhabitants, against 95000");
		assertThat(anonymous.get("/api/partner-searches?country=HR&status=OPEN")
			.content()
			.map(s -> s.get("id").asString())).contains(id);
		assertThat(anonymous.get("/api/partner-searches?theme=ENVIRONMENT&localAuthorityId=" + maribor)
			.json()
			.at("/page/totalElements")
			.asLong()).isEqualTo(1);

		assertThat(forPula
			.post("/api/partner-searches/" + id + "/closure",
					"{\"reason\": \"Not yours\", \"partnershipId\": \"no-such-partnership\"}")
			.statusCode()).as("who may comes before what the partnership id names").isEqualTo(403);
		Answer notTheirs = forMaribor.post("/api/partner-searches/" + id + "/closure",
				"{\"reason\": \"Found one\", \"partnershipId\": \"no-such-partnership\"}");
		assertThat(notTheirs.statusCode()).isEqualTo(422);
		assertThat(notTheirs.json().get("field").asString()).isEqualTo("partnershipId");
		Answer closed = forMaribor.post("/api/partner-searches/" + id + "/closure",
				"{\"reason\": \"Found a partner: Rijeka\", \"partnershipId\": \"%s\"}".formatted(withRijeka));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.json().at("/closure/by").asString()).isEqualTo("maribor");
		assertThat(forMaribor
			.post("/api/partner-searches/" + id + "/closure",
					"{\"reason\": \"Again\", \"partnershipId\": \"no-such-partnership\"}")
			.statusCode()).isEqualTo(409);

		List<ConsumerRecord<String, byte[]>> records = EventTopics.recordsWithKey(consumer, id, 2);
		assertThat(records).extracting(record -> header(record, "ce_type"))
			.containsExactly("org.decoop.PartnerSearchOpened", "org.decoop.PartnerSearchClosed");
		assertThat(header(records.get(0), "ce_source")).isEqualTo("/partnership-service");
		JsonNode openedEvent = JSON.readTree(records.get(0).value());
		assertThat(openedEvent.at("/localAuthority/code").asString()).isEqualTo(codeOf("Maribor " + run, "SI"));
		assertThat(openedEvent.get("openUntil").asString()).isEqualTo(openUntil);
		assertThat(JSON.readTree(records.get(1).value()).get("partnershipId").asString()).isEqualTo(withRijeka);
	}

	@Test
	void refusesABadPartnerSearchNamingTheField() {
		String maribor = createLocalAuthority("Maribor " + run, "SI", "CITY");
		String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
		String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
		Map<String, String> fieldByBody = Map.of(
				"{\"localAuthorityId\": \"%s\", \"themes\": [], \"countries\": [\"HR\"], \"description\": \"x\", \"openUntil\": \"%s\"}"
					.formatted(maribor, tomorrow),
				"themes",
				"{\"localAuthorityId\": \"%s\", \"themes\": [\"YOUTH\"], \"countries\": [\"XX\"], \"description\": \"x\", \"openUntil\": \"%s\"}"
					.formatted(maribor, tomorrow),
				"countries[0]",
				"{\"localAuthorityId\": \"%s\", \"themes\": [\"YOUTH\"], \"countries\": [\"HR\"], \"description\": \"x\", \"openUntil\": \"%s\"}"
					.formatted(maribor, today),
				"openUntil",
				"{\"localAuthorityId\": \"%s\", \"themes\": [\"YOUTH\"], \"countries\": [\"HR\"], \"description\": \"x\", \"openUntil\": \"31/12/2030\"}"
					.formatted(maribor),
				"openUntil",
				"{\"localAuthorityId\": \"%s\", \"themes\": [\"YOUTH\"], \"countries\": [\"HR\"], \"description\": \" \", \"openUntil\": \"%s\"}"
					.formatted(maribor, tomorrow),
				"description");
		fieldByBody.forEach((body, field) -> {
			Answer refused = api.post("/api/partner-searches", body);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
			assertThat(refused.json().get("field").asString()).as(body).isEqualTo(field);
		});
		Answer unknown = api.post("/api/partner-searches", """
				{"localAuthorityId": "no-such-authority", "themes": ["YOUTH"], "countries": ["HR"], "description": "x",
				 "openUntil": "%s"}""".formatted(tomorrow));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.json().get("field").asString()).isEqualTo("localAuthorityId");
		assertThat(
				api.get("/api/partner-searches?localAuthorityId=" + maribor).json().at("/page/totalElements").asLong())
			.as("nothing written")
			.isZero();
		assertThat(api.get("/api/partner-searches/no-such-search").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/partner-searches?status=PAUSED").statusCode()).isEqualTo(400);
	}

	private static List<String> ids(JsonNode page) {
		return page.get("content").valueStream().map(partnership -> partnership.get("id").asString()).toList();
	}

	private String establish(String first, String second, String... themes) {
		String themeList = String.join("\", \"", themes);
		Answer response = api.post("/api/partnerships",
				"{\"partnerIds\": [\"%s\", \"%s\"], \"themes\": [\"%s\"]}".formatted(first, second, themeList));
		assertThat(response.statusCode()).isEqualTo(201);
		return JSON.readTree(response.body()).get("id").asString();
	}

	private String createLocalAuthority(String name, String country, String kind) {
		return createLocalAuthority(name, country, kind, "");
	}

	private String createLocalAuthority(String name, String country, String kind, Integer population) {
		return createLocalAuthority(name, country, kind, ", \"population\": " + population);
	}

	/** {@code more}: further fields of the body, each after a comma. */
	private String createLocalAuthority(String name, String country, String kind, String more) {
		Answer response = api.post("/api/local-authorities",
				"{\"code\": \"%s\", \"name\": \"%s\", \"country\": \"%s\", \"kind\": \"%s\"%s}"
					.formatted(codeOf(name, country), name, country, kind, more));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("id").asString();
	}

	/** "Nevers 1a2b3c4d" in FR is FR-NEVERS-1A2B3C4D. */
	private static String codeOf(String name, String country) {
		return country + "-"
				+ name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
	}

	private long totalPartnerships() {
		return api.get("/api/partnerships").json().get("page").get("totalElements").asLong();
	}

	/** Every record on the topic so far whose payload names {@code text}. */
	private List<ConsumerRecord<String, byte[]>> recordsMentioning(String text) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(200));
			return !consumer.assignment().isEmpty();
		});
		consumer.seekToBeginning(consumer.assignment());
		Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(record -> {
				if (new String(record.value(), StandardCharsets.UTF_8).contains(text)) {
					found.add(record);
				}
			});
			return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
		});
		return found;
	}

}
