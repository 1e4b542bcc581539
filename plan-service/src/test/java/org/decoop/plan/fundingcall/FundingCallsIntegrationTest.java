package org.decoop.plan.fundingcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.decoop.platform.testing.EventTopics.header;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.decoop.events.Country;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.testing.AdjustableClock;
import org.decoop.plan.PlanServiceContext;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.plan.fundingcall.domain.FundingCallId;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.outbox.OutboxDocument;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.ServiceApi.Answer;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Funding calls as clients meet them, in the shared plan-service context: a steward
 * publishes one, anyone finds it, plans' funding lines name it and follow its rules, and
 * its deadline is announced once on {@code plan-events}. Dates come from the service's
 * clock, which tests move forward.
 */
@ExtendWith(OutputCaptureExtension.class)
class FundingCallsIntegrationTest extends PlanServiceContext {

	private static final TestTokens TOKENS = TestTokens.shared();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AdjustableClock clock;

	@Autowired
	FundingCallDeadlines deadlines;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	FundingCalls fundingCalls;

	private ServiceApi anonymous;

	private ServiceApi embassy;

	private ServiceApi parties;

	/** Makes this run's codes unique: the store outlives one test. */
	private final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	@BeforeEach
	void connect() {
		anonymous = ServiceApi.onPort(port);
		embassy = anonymous.as(TOKENS.steward("embassy", "AMBAFRANCE-RS"));
		// a steward: the plans here name a partnership none of their parties is part of
		parties = anonymous.as(TOKENS.steward("coordinator", "AMBAFRANCE-RS", "SKGO"));
	}

	@Test
	void onlyAStewardPublishesACallWhichAnyoneThenFinds() throws Exception {
		String body = call("MEAE-" + run, "FRENCH_MFA", "[\"YOUTH\", \"ENVIRONMENT\"]", today(), today().plusDays(90),
				"20000", "0.6");

		Answer noToken = anonymous.post("/api/funding-calls", body);
		noToken.assertUnauthenticated();
		Answer notSteward = anonymous.as(TOKENS.user("nevers", "FR-NEVERS")).post("/api/funding-calls", body);
		assertThat(notSteward.statusCode()).isEqualTo(403);
		assertThat(notSteward.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

		Answer published = embassy.post("/api/funding-calls", body);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		String id = published.id();
		assertThat(published.header("Location")).hasValue("/api/funding-calls/" + id);
		assertThat(published.header("ETag")).hasValue("\"0\"");
		assertThat(published.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(published.json().get("maxGrantEur").decimalValue()).isEqualByComparingTo("20000");

		JsonNode read = anonymous.get("/api/funding-calls/" + id).json();
		assertThat(read.get("code").asString()).isEqualTo("MEAE-" + run);
		assertThat(read.get("eligibleCountries").toString()).isEqualTo("[\"FR\",\"RS\"]");
		assertThat(
				anonymous.get("/api/funding-calls?code=MEAE-" + run).json().get("content").get(0).get("id").asString())
			.isEqualTo(id);

		Answer again = embassy.post("/api/funding-calls", body);
		assertThat(again.statusCode()).as("a code names one call").isEqualTo(409);
		assertThat(again.json().get("field").asString()).isEqualTo("code");
		assertThat(anonymous.get("/api/funding-calls?code=MEAE-" + run).json().get("page").get("totalElements").asInt())
			.as("the refused call was not written")
			.isEqualTo(1);

		List<ConsumerRecord<String, byte[]>> records = callEvents(id, 1);
		assertThat(header(records.get(0), "ce_type")).isEqualTo("org.decoop.FundingCallPublished");
		assertThat(header(records.get(0), "ce_source")).isEqualTo("/plan-service");
		assertThat(header(records.get(0), "ce_authtype")).isEqualTo("user");
		assertThat(header(records.get(0), "ce_authid")).isEqualTo(TestTokens.subjectOf("embassy"));
	}

	@Test
	void refusesAnInvalidCallNamingTheFieldAndWritesNothing() {
		String code = "BAD-" + run;
		LocalDate today = today();
		List<List<String>> cases = List.of(
				List.of(call("bad code", "FRENCH_MFA", "[\"YOUTH\"]", today, today.plusDays(9), "1", "0.5"), "code"),
				List.of(call(code, "CHESS_CLUB", "[\"YOUTH\"]", today, today.plusDays(9), "1", "0.5"), "funder"),
				List.of(call(code, "FRENCH_MFA", "[]", today, today.plusDays(9), "1", "0.5"), "themes"),
				List.of(call(code, "FRENCH_MFA", "[\"CHESS\"]", today, today.plusDays(9), "1", "0.5"), "themes[0]"),
				List.of(call(code, "FRENCH_MFA", "[\"YOUTH\"]", today.plusDays(10), today.plusDays(9), "1", "0.5"),
						"closesOn"),
				List.of(call(code, "FRENCH_MFA", "[\"YOUTH\"]", today.minusDays(9), today.minusDays(1), "1", "0.5"),
						"closesOn"),
				List.of(call(code, "FRENCH_MFA", "[\"YOUTH\"]", today, today.plusDays(9), "-1", "0.5"), "maxGrantEur"),
				List.of(call(code, "FRENCH_MFA", "[\"YOUTH\"]", today, today.plusDays(9), "1.001", "0.5"),
						"maxGrantEur"),
				List.of(call(code, "FRENCH_MFA", "[\"YOUTH\"]", today, today.plusDays(9), "1", "0"),
						"maxCoFinancingRate"),
				List.of(call(code, "FRENCH_MFA", "[\"YOUTH\"]", today, today.plusDays(9), "1", "1.5"),
						"maxCoFinancingRate"),
				List.of(call(code, "FRENCH_MFA", "[\"YOUTH\"]", today, today.plusDays(9), "1", "0.5")
					.replace("[\"FR\", \"RS\"]", "[\"XX\"]"), "eligibleCountries[0]"),
				List.of(call(code, "FRENCH_MFA", "[\"YOUTH\"]", today, today.plusDays(9), "1", "0.5")
					.replace("[\"FR\", \"RS\"]", "[]"), "eligibleCountries"));
		for (List<String> refused : cases) {
			Answer answer = embassy.post("/api/funding-calls", refused.get(0));
			assertThat(answer.statusCode()).as(refused.get(1) + ": " + answer.body()).isEqualTo(400);
			assertThat(answer.header("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(answer.json().get("field").asString()).as(answer.body()).isEqualTo(refused.get(1));
		}
		assertThat(anonymous.get("/api/funding-calls?code=" + code).json().get("page").get("totalElements").asInt())
			.isZero();
	}

	@Test
	void listsCallsByStatusThemeAndFunderDerivingTheStatusFromTheDates() {
		LocalDate today = today();
		String upcoming = publish(
				call("UP-" + run, "EU_CALL", "[\"HERITAGE\"]", today.plusDays(10), today.plusDays(40), "1000", "0.5"));
		String open = publish(call("OPEN-" + run, "LOCAL_BUDGET", "[\"HERITAGE\", \"TOURISM\"]", today.minusDays(5),
				today.plusDays(40), "1000", "0.5"));
		String closing = publish(
				call("LAST-" + run, "EU_CALL", "[\"TOURISM\"]", today.minusDays(5), today, "1000", "0.5"));

		assertThat(ids("status=UPCOMING")).contains(upcoming).doesNotContain(open, closing);
		assertThat(ids("status=OPEN")).contains(open, closing).doesNotContain(upcoming);
		assertThat(ids("theme=HERITAGE")).contains(upcoming, open).doesNotContain(closing);
		assertThat(ids("funder=EU_CALL&theme=TOURISM")).contains(closing).doesNotContain(upcoming, open);

		clock.advance(Duration.ofDays(1));

		assertThat(ids("status=CLOSED")).as("the day after its last day")
			.contains(closing)
			.doesNotContain(open, upcoming);
		assertThat(ids("status=OPEN")).contains(open).doesNotContain(closing, upcoming);
		assertThat(anonymous.get("/api/funding-calls/" + closing).json().get("status").asString()).isEqualTo("CLOSED");
		JsonNode page = anonymous.get("/api/funding-calls?size=2").json();
		assertThat(page.get("content").size()).isEqualTo(2);
		assertThat(page.get("page").get("size").asInt()).isEqualTo(2);
		assertThat(anonymous.get("/api/funding-calls?status=SOON").statusCode()).isEqualTo(400);
	}

	@Test
	void checksEveryFundingLineThatNamesACallAgainstItsRules() throws Exception {
		LocalDate today = today();
		String partnership = publishPartnership();
		String callId = publish(call("MEAE-" + run, "FRENCH_MFA", "[\"YOUTH\", \"ENVIRONMENT\"]", today.minusDays(30),
				today.plusDays(60), "20000", "0.6"));
		String upcomingId = publish(
				call("SOON-" + run, "FRENCH_MFA", "[\"YOUTH\"]", today.plusDays(30), today.plusDays(60), "20000", "1"));

		record Refusal(String rule, String activities, String field, String detail) {
		}
		String fine = activity("YOUTH", partnership, line("FRENCH_MFA", "6000", callId),
				line("LOCAL_BUDGET", "4000", null));
		Answer drafted = awaitCreated(() -> parties.post("/api/plans", plan(fine)));
		String planId = drafted.id();
		assertThat(drafted.json().at("/activities/0/funding/0/callId").asString()).isEqualTo(callId);

		List<Refusal> refusals = List.of(
				new Refusal("unknown call", activity("YOUTH", partnership, line("FRENCH_MFA", "100", "no-such-call")),
						"activities[1].funding[0]", "funding call no-such-call is not known"),
				new Refusal("another funder",
						activity("YOUTH", partnership, line("LOCAL_BUDGET", "100", null),
								line("EU_CALL", "100", callId), line("LOCAL_BUDGET", "900", null)),
						"activities[1].funding[1]", "funded by FRENCH_MFA"),
				new Refusal("another theme",
						activity("HEALTH", partnership, line("FRENCH_MFA", "100", callId),
								line("LOCAL_BUDGET", "900", null)),
						"activities[1].funding[0]", "not the activity's theme HEALTH"),
				new Refusal("over the grant",
						activity("YOUTH", partnership, line("FRENCH_MFA", "20000.01", callId),
								line("LOCAL_BUDGET", "90000", null)),
						"activities[1].funding[0]", "at most 20000.00 EUR per activity"),
				new Refusal("over the grant, split over lines",
						activity("YOUTH", partnership, line("FRENCH_MFA", "15000", callId),
								line("FRENCH_MFA", "15000", callId), line("LOCAL_BUDGET", "30000", null)),
						"activities[1].funding[1]",
						"grants at most 20000.00 EUR per activity: its lines would take 30000.00 EUR"),
				new Refusal("over the share",
						activity("YOUTH", partnership, line("FRENCH_MFA", "6000", callId),
								line("FRENCH_MFA", "1000", callId), line("LOCAL_BUDGET", "4000", null)),
						"activities[1].funding[1]", "at most 60 % of an activity"));
		for (Refusal refusal : refusals) {
			Answer answer = parties.post("/api/plans", plan(fine + ", " + refusal.activities()));
			assertThat(answer.statusCode()).as(refusal.rule() + ": " + answer.body()).isEqualTo(422);
			assertThat(answer.json().get("field").asString()).as(refusal.rule()).isEqualTo(refusal.field());
			assertThat(answer.json().get("detail").asString()).as(refusal.rule()).contains(refusal.detail());
		}

		Answer badActivity = parties.post("/api/plans/" + planId + "/activities", activity("ENVIRONMENT", partnership,
				line("LOCAL_BUDGET", "1000", null), line("FRENCH_MFA", "25000", callId)));
		assertThat(badActivity.statusCode()).isEqualTo(422);
		assertThat(badActivity.json().get("field").asString()).as("the line in the body posted")
			.isEqualTo("funding[1]");
		assertThat(parties.get("/api/plans/" + planId).json().get("activities").size()).as("nothing written")
			.isEqualTo(1);
		assertThat(parties
			.post("/api/plans/" + planId + "/activities",
					activity("ENVIRONMENT", partnership, line("FRENCH_MFA", "3000", callId),
							line("OTHER", "2000", null)))
			.statusCode()).isEqualTo(200);

		assertThat(sign(planId, "AMBAFRANCE-RS").statusCode()).isEqualTo(200);
		Answer signed = sign(planId, "SKGO");
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
		assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED");
		ConsumerRecord<String, byte[]> planSigned = planEvents(planId, 4).get(3);
		assertThat(header(planSigned, "ce_type")).isEqualTo("org.decoop.PlanSigned");
		assertThat(JSON.readTree(planSigned.value()).at("/activities/0/funding/0/callId").asString()).isEqualTo(callId);
		assertThat(JSON.readTree(planSigned.value()).at("/activities/0/funding/1/callId").isNull()).isTrue();

		// money from a call that is not open yet: drafted fine, refused at the last
		// signature
		String early = awaitCreated(() -> parties.post("/api/plans",
				plan(activity("YOUTH", partnership, line("FRENCH_MFA", "500", upcomingId)))))
			.id();
		assertThat(sign(early, "AMBAFRANCE-RS").statusCode()).isEqualTo(200);
		Answer tooEarly = sign(early, "SKGO");
		assertThat(tooEarly.statusCode()).isEqualTo(422);
		assertThat(tooEarly.json().get("field").asString()).isEqualTo("activities[0].funding[0]");
		assertThat(tooEarly.json().get("detail").asString()).contains("is UPCOMING on " + today());
		assertThat(parties.get("/api/plans/" + early).json().get("status").asString()).isEqualTo("DRAFT");

		JsonNode stats = anonymous.get("/api/plans/stats?year=2099").json();
		assertThat(stats.get("eurByCall").get("MEAE-" + run).decimalValue()).as("keyed by the call's code")
			.isEqualByComparingTo("9000");
		assertThat(stats.get("eurByCall").get("SOON-" + run).decimalValue()).isEqualByComparingTo("500");
	}

	@Test
	void refusesALineNamingACallThatHasClosedWhenThePlanIsDraftedOrGivenAnActivity() throws Exception {
		LocalDate today = today();
		String partnership = publishPartnership();
		// published a month ago, closed yesterday (a call cannot be published already
		// closed)
		FundingCall gone = FundingCall.publish(Ids.newId(FundingCallId::new), "GONE-" + run, "Appel clos",
				FundingSource.FRENCH_MFA, List.of(Theme.YOUTH), List.of(Country.of("FR"), Country.of("RS")),
				today.minusDays(30), today.minusDays(1), new BigDecimal("20000"), new BigDecimal("0.8"),
				Actor.system("test"), clock.instant().minus(Duration.ofDays(30)));
		String goneId = fundingCalls.add(gone).id().value();
		String lastDayId = publish(
				call("LASTDAY-" + run, "FRENCH_MFA", "[\"YOUTH\"]", today.minusDays(30), today, "20000", "0.8"));

		Answer drafted = awaitCreated(() -> parties.post("/api/plans", plan(activity("YOUTH", partnership,
				line("FRENCH_MFA", "500", lastDayId), line("LOCAL_BUDGET", "500", null)))));
		assertThat(drafted.json().at("/activities/0/funding/0/callId").asString()).as("a call on its last day")
			.isEqualTo(lastDayId);

		Answer refused = parties.post("/api/plans",
				plan(activity("YOUTH", partnership, line("FRENCH_MFA", "500", lastDayId),
						line("LOCAL_BUDGET", "500", null)) + ", "
						+ activity("YOUTH", partnership, line("LOCAL_BUDGET", "500", null),
								line("FRENCH_MFA", "500", goneId))));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("field").asString()).isEqualTo("activities[1].funding[1]");
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("funding call GONE-%s closed on %s, before today (%s): a plan naming it could never be signed"
				.formatted(run, today.minusDays(1), today));

		String planId = drafted.id();
		Answer added = parties.post("/api/plans/" + planId + "/activities",
				activity("YOUTH", partnership, line("FRENCH_MFA", "500", goneId), line("LOCAL_BUDGET", "500", null)));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(422);
		assertThat(added.json().get("field").asString()).as("the line in the body posted").isEqualTo("funding[0]");
		assertThat(added.json().get("detail").asString())
			.contains("funding call GONE-" + run + " closed on " + today.minusDays(1));
		assertThat(parties.get("/api/plans/" + planId).json().get("activities").size()).as("nothing written")
			.isEqualTo(1);
	}

	@Test
	void announcesTheOtherDeadlinesWhenOneCallCannotBeAnnounced(CapturedOutput output) {
		LocalDate today = today();
		// a call the job cannot read (a date that is no date), due before every other:
		// read first
		String unreadable = "unreadable-" + run;
		mongo.getCollection(FundingCallDocument.COLLECTION)
			.insertOne(new Document("_id", unreadable).append("version", 0L)
				.append("code", "UNREADABLE-" + run)
				.append("title", "Unreadable")
				.append("funder", "EU_CALL")
				.append("themes", List.of("CULTURE"))
				.append("eligibleCountries", List.of("RS"))
				.append("opensOn", "not-a-date")
				.append("closesOn", FundingCall.EARLIEST.toString())
				.append("maxGrantEurCents", 100L)
				.append("maxCoFinancingRate", "0.5")
				.append("closingSoonAnnounced", false)
				.append("closedAnnounced", false));
		try {
			String callId = publish(
					call("BEHIND-" + run, "EU_CALL", "[\"CULTURE\"]", today, today.plusDays(3), "5000", "0.8"));

			assertThatCode(() -> deadlines.runOnce()).as("one call that fails fails no pass")
				.doesNotThrowAnyException();
			await().atMost(Duration.ofSeconds(30)).until(() -> announced(callId).closingSoonAnnounced());
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(output.getAll()).as("the call that failed, by id")
					.contains("Funding call " + unreadable + ": its deadline could not be announced"));
			assertThat(callEvents(callId, 2)).extracting(record -> header(record, "ce_type"))
				.containsExactly("org.decoop.FundingCallPublished", "org.decoop.FundingCallClosingSoon");
		}
		finally {
			mongo.remove(Query.query(Criteria.where("_id").is(unreadable)), FundingCallDocument.COLLECTION);
		}
	}

	@Test
	void announcesEachDeadlineExactlyOnceHoweverManyReplicasRunTheJob() throws Exception {
		LocalDate today = today();
		String callId = publish(
				call("DEADLINE-" + run, "EU_CALL", "[\"CULTURE\"]", today, today.plusDays(20), "5000", "0.8"));
		awaitRelayIdle();

		clock.advance(Duration.ofDays(7)); // 13 days left: inside the 14-day window
		runReplicasAtOnce(4);
		await().atMost(Duration.ofSeconds(30)).until(() -> announced(callId).closingSoonAnnounced());
		awaitRelayIdle();
		runReplicasAtOnce(4);

		clock.advance(Duration.ofDays(14)); // the day after closesOn
		runReplicasAtOnce(4);
		await().atMost(Duration.ofSeconds(30)).until(() -> announced(callId).closedAnnounced());
		awaitRelayIdle();
		runReplicasAtOnce(4);

		List<ConsumerRecord<String, byte[]>> records = callEvents(callId, 3);
		assertThat(records).extracting(record -> header(record, "ce_type"))
			.containsExactly("org.decoop.FundingCallPublished", "org.decoop.FundingCallClosingSoon",
					"org.decoop.FundingCallClosed");
		assertThat(records.subList(1, 3)).extracting(record -> header(record, "ce_authtype")).containsOnly("system");
		assertThat(records.stream().map(record -> header(record, "ce_id")).collect(Collectors.toSet())).hasSize(3);
		assertThat(JSON.readTree(records.get(1).value()).get("daysLeft").asInt()).isEqualTo(13);
	}

	/**
	 * Several replicas' passes at the same moment (the scheduled one runs too, every 200
	 * ms).
	 */
	private void runReplicasAtOnce(int replicas) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(replicas);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> passes = new ArrayList<>();
			for (int i = 0; i < replicas; i++) {
				Callable<Integer> pass = () -> {
					start.await();
					return deadlines.runOnce();
				};
				passes.add(pool.submit(pass));
			}
			start.countDown();
			for (Future<Integer> pass : passes) {
				pass.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The call as stored. */
	private FundingCall announced(String callId) {
		return mongo.findById(callId, FundingCallDocument.class).toDomain();
	}

	/**
	 * Waits until the relay has published every waiting event and let go of its claims:
	 * the clock is moved only then, so no claim of the relay outlives its time (which
	 * would publish again).
	 */
	private void awaitRelayIdle() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Query waiting = Query.query(Criteria.where(OutboxDocument.OUTBOX + ".eventId").exists(true));
			assertThat(mongo.count(waiting, FundingCallDocument.COLLECTION)).isZero();
			assertThat(mongo.count(waiting, "plans")).isZero();
			assertThat(mongo.count(new Query(), Document.class, "outbox_claims")).isZero();
		});
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), clock.getZone());
	}

	private String publish(String body) {
		Answer answer = embassy.post("/api/funding-calls", body);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return answer.id();
	}

	private List<String> ids(String query) {
		List<String> ids = new ArrayList<>();
		anonymous.get("/api/funding-calls?size=200&" + query)
			.json()
			.get("content")
			.forEach(call -> ids.add(call.get("id").asString()));
		return ids;
	}

	private Answer sign(String planId, String party) {
		return anonymous.as(TOKENS.user("Signatory of " + party, party))
			.post("/api/plans/" + planId + "/signatures", "{\"party\": \"%s\"}".formatted(party));
	}

	private static String call(String code, String funder, String themes, LocalDate opensOn, LocalDate closesOn,
			String grant, String rate) {
		return """
				{"code": "%s", "title": "Appel à projets franco-serbe de coopération décentralisée", "funder": "%s",
				 "themes": %s, "eligibleCountries": ["FR", "RS"], "opensOn": "%s", "closesOn": "%s",
				 "maxGrantEur": %s, "maxCoFinancingRate": %s}""".formatted(code, funder, themes, opensOn, closesOn,
				grant, rate);
	}

	private static String plan(String activities) {
		return """
				{"year": 2099, "title": "Plan with calls", "themes": ["YOUTH"],
				 "parties": [{"code": "AMBAFRANCE-RS", "name": "Ambassade"}, {"code": "SKGO", "name": "SKGO"}],
				 "activities": [%s]}""".formatted(activities);
	}

	private static String activity(String theme, String partnership, String... lines) {
		return """
				{"title": "Activity", "theme": "%s", "partnershipIds": ["%s"], "funding": [%s]}""".formatted(theme,
				partnership, String.join(", ", lines));
	}

	private static String line(String source, String eur, String callId) {
		return callId == null ? "{\"source\": \"%s\", \"amountEur\": %s}".formatted(source, eur)
				: "{\"source\": \"%s\", \"amountEur\": %s, \"callId\": \"%s\"}".formatted(source, eur, callId);
	}

	private static List<ConsumerRecord<String, byte[]>> callEvents(String callId, int expected) {
		return planEvents(callId, expected);
	}

}
