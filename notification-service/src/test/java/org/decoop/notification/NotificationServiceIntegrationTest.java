package org.decoop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.decoop.platform.testing.EventTopics.header;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.decoop.events.FundingSource;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.Topics;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.partnership.PartnerSearchClosed;
import org.decoop.events.partnership.PartnerSearchEvent.Searcher;
import org.decoop.events.partnership.PartnerSearchOpened;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.events.plan.FundingCallPublished;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSigned;
import org.decoop.platform.i18n.LocalizedFormats;
import org.decoop.platform.testing.EventPublisher;
import org.decoop.platform.testing.EventTopics;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.ServiceApi.Answer;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.testing.WebhookReceiver;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * notification-service as its users meet it: events in from the topics, webhooks to a
 * real HTTP receiver (signatures checked independently), e-mail to a real SMTP server
 * (GreenMail), the inbox and a live SSE stream over HTTP, NotificationDeliveryFailed out
 * on its topic.
 */
@ServiceScenario(database = "notifications-it",
		properties = { "decoop.notification.retry-schedule=200ms,200ms", "decoop.notification.poll-interval=50ms",
				"decoop.notification.allow-private-targets=true", "spring.mail.port=3025",
				"spring.cloud.stream.bindings.partnershipEvents-in-0.consumer.back-off-initial-interval=20",
				"spring.cloud.stream.bindings.planEvents-in-0.consumer.back-off-initial-interval=20" })
class NotificationServiceIntegrationTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@RegisterExtension
	static final EventPublisher events = new EventPublisher();

	@RegisterExtension
	static final WebhookReceiver receiver = new WebhookReceiver();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	private static final TestTokens TOKENS = TestTokens.shared();

	/**
	 * A signed-in caller of its own for each test: subscriptions are their owner's only.
	 */
	private String token;

	private ServiceApi api;

	private ServiceApi anonymous;

	@BeforeEach
	void connect() {
		token = TOKENS.user("owner-" + UUID.randomUUID(), "SKGO");
		anonymous = ServiceApi.onPort(port);
		api = anonymous.as(token);
	}

	@Test
	void deliversOneCorrectlySignedWebhookForTheSubscribedType() throws Exception {
		String url = receiver.answer("/ok", 200);
		JsonNode subscription = subscribe("{\"subscriber\": \"SKGO\", \"channel\": \"WEBHOOK\", \"target\": \"%s\", "
				+ "\"eventTypes\": [\"PartnershipReactivated\"]}", url);
		String secret = subscription.get("secret").asString();
		assertThat(get("/api/subscriptions/" + subscription.get("id").asString())).doesNotContain("whsec_");

		String partnershipId = UUID.randomUUID().toString();
		events.publish(established(partnershipId));
		events.publish(new PartnershipReactivated(partnershipId, 2, PartnershipStatus.ACTIVE,
				partners("nevers", "sremska-mitrovica"), Set.of(Theme.YOUTH), "Action plan 2020 signed", "plan-2020",
				Instant.now()));

		await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedOn("/ok").size() == 1);
		WebhookReceiver.Received webhook = receiver.receivedOn("/ok").get(0);
		assertThat(webhook.header("webhook-id")).startsWith("msg_");
		assertThat(webhook.header("content-type")).isEqualTo("application/cloudevents+json");
		assertThat(webhook.header("webhook-signature")).isEqualTo("v1," + hmac(secret,
				webhook.header("webhook-id") + "." + webhook.header("webhook-timestamp") + "." + webhook.body()));
		assertThat(Long.parseLong(webhook.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
				org.assertj.core.data.Offset.offset(60L));

		EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
		CloudEvent event = format.deserialize(webhook.body().getBytes(StandardCharsets.UTF_8));
		assertThat(event.getType()).isEqualTo("org.decoop.PartnershipReactivated");
		assertThat(event.getSubject()).isEqualTo(partnershipId);
		assertThat(JSON.readTree(event.getData().toBytes()).get("planId").asString()).isEqualTo("plan-2020");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveries(subscription.get("id").asString())).singleElement()
				.satisfies(delivery -> assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED")));
	}

	@Test
	void retriesAFailingReceiverAndDeliversOnceItRecovers() throws Exception {
		String url = receiver.answer("/flaky", 500, 503, 200);
		String id = subscribe("{\"subscriber\": \"Nevers\", \"channel\": \"WEBHOOK\", \"target\": \"%s\"}", url)
			.get("id")
			.asString();

		events.publish(established(UUID.randomUUID().toString()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(id)).singleElement().satisfies(delivery -> {
				assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
				assertThat(delivery.get("attempts").findValuesAsString("statusCode")).containsExactly("500", "503",
						"200");
			}));
		List<WebhookReceiver.Received> requests = receiver.receivedOn("/flaky");
		assertThat(requests).hasSize(3);
		assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(requests.get(0).header("webhook-id"));
	}

	@Test
	void disablesTheSubscriptionWhenTheReceiverAnswersGone() throws Exception {
		String url = receiver.answer("/gone", 410);
		String gone = subscribe("{\"subscriber\": \"Old system\", \"channel\": \"WEBHOOK\", \"target\": \"%s\"}", url)
			.get("id")
			.asString();
		String control = subscribe("{\"subscriber\": \"SKGO\", \"channel\": \"INBOX\"}", null).get("id").asString();

		events.publish(established(UUID.randomUUID().toString()));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(JSON.readTree(get("/api/subscriptions/" + gone)).get("status").asString())
				.isEqualTo("DISABLED"));

		events.publish(established(UUID.randomUUID().toString()));
		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(control).size() >= 2);
		assertThat(receiver.receivedOn("/gone")).hasSize(1);
	}

	@Test
	void publishesNotificationDeliveryFailedOnceTheRetriesAreSpent() throws Exception {
		String url = receiver.answer("/down", 500);
		String id = subscribe("{\"subscriber\": \"Arles\", \"channel\": \"WEBHOOK\", \"target\": \"%s\"}", url)
			.get("id")
			.asString();
		assertThat(JSON.readTree(get("/api/subscriptions/" + id)).get("target").asString())
			.as("shown whole only when subscribing")
			.isEqualTo(url.substring(0, url.indexOf("/down")) + "/…");

		events.publish(established(UUID.randomUUID().toString()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(id)).singleElement()
				.satisfies(delivery -> assertThat(delivery.get("status").asString()).isEqualTo("FAILED")));
		assertThat(deliveries(id).get(0).get("target").asString()).doesNotContain("/down");
		assertThat(receiver.receivedOn("/down")).hasSize(3);

		try (KafkaConsumer<String, byte[]> consumer = EventTopics.consumer(Topics.NOTIFICATION_EVENTS)) {
			ConsumerRecord<String, byte[]> failure = EventTopics.recordsWithKey(consumer, id, 1).get(0);
			assertThat(EventTopics.header(failure, "ce_type")).isEqualTo("org.decoop.NotificationDeliveryFailed");
			JsonNode payload = JSON.readTree(failure.value());
			assertThat(payload.get("attempts").asInt()).isEqualTo(3);
			assertThat(payload.get("target").asString()).as("the event reaches every subscriber: the URL is masked")
				.isEqualTo(url.substring(0, url.indexOf("/down")) + "/…");
			assertThat(payload.get("lastError").asString()).contains("500");
		}

		String delivery = deliveries(id).get(0).get("id").asString();
		for (int retries = 1; retries <= 3; retries++) {
			Answer retry = api.post("/api/subscriptions/" + id + "/deliveries/" + delivery + "/retry");
			assertThat(retry.statusCode()).isEqualTo(202);
			int expected = 3 + retries;
			await().atMost(Duration.ofSeconds(30))
				.until(() -> receiver.receivedOn("/down").size() == expected
						&& deliveries(id).get(0).get("status").asString().equals("FAILED"));
		}
		JsonNode log = deliveries(id).get(0);
		assertThat(log.get("attemptCount").asInt()).isEqualTo(6);
		assertThat(log.get("attempts").size()).as("the log keeps its schedule's attempts: the latest 3").isEqualTo(3);
		try (KafkaConsumer<String, byte[]> consumer = EventTopics.consumer(Topics.NOTIFICATION_EVENTS)) {
			assertThat(EventTopics.recordsWithKey(consumer, id, 1)).as("manual retries publish no second failure")
				.hasSize(1);
		}
	}

	@Test
	void refusesToRetryADeliveredDelivery() throws Exception {
		String url = receiver.answer("/fine", 204);
		String id = subscribe("{\"subscriber\": \"Arles\", \"channel\": \"WEBHOOK\", \"target\": \"%s\"}", url)
			.get("id")
			.asString();
		events.publish(established(UUID.randomUUID().toString()));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(id)).singleElement()
				.satisfies(delivery -> assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED")));

		Answer retry = api
			.post("/api/subscriptions/" + id + "/deliveries/" + deliveries(id).get(0).get("id").asString() + "/retry");
		assertThat(retry.statusCode()).as("a delivered delivery is done").isEqualTo(409);
		assertThat(receiver.receivedOn("/fine")).hasSize(1);
	}

	@Test
	void sendsAPlainReadableEmail() throws Exception {
		subscribe(
				"{\"subscriber\": \"SKGO coordinator\", \"channel\": \"EMAIL\", \"target\": \"coordinator@skgo.example\", "
						+ "\"eventTypes\": [\"PartnershipWentDormant\"]}",
				null);
		ConfirmationMails.confirm(anonymous, smtp, "coordinator@skgo.example");
		String partnershipId = UUID.randomUUID().toString();

		events.publish(new PartnershipWentDormant(partnershipId, 1, PartnershipStatus.DORMANT,
				partners("nevers", "sremska-mitrovica"), Set.of(Theme.CULTURE), "No joint project since 2012",
				LocalDate.of(2012, 5, 10), Instant.now()));

		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 2);
		MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> !ConfirmationMails.isConfirmation(m))
			.findFirst()
			.orElseThrow();
		assertThat(mail.getAllRecipients()[0]).hasToString("coordinator@skgo.example");
		assertThat(mail.getSubject()).contains("Partnership dormant").contains("Nevers (FR) – Sremska Mitrovica (RS)");
		assertThat(mail.getContent()).asString()
			.contains("Nevers (FR) – Sremska Mitrovica (RS) went dormant: No joint project since 2012.")
			.contains(partnershipId);
	}

	@Test
	void keepsOneInboxEntryPerEventWhateverTheRedeliveries() throws Exception {
		String id = subscribe(
				"{\"subscriber\": \"SKGO\", \"channel\": \"INBOX\", \"eventTypes\": [\"PartnershipEstablished\"]}",
				null)
			.get("id")
			.asString();
		ProducerRecord<String, byte[]> record = EventPublisher.record(established(UUID.randomUUID().toString()));

		events.send(record);
		events.send(record);
		events.publish(established(UUID.randomUUID().toString()));

		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(id).size() >= 2);
		// The redelivered record comes before the last one on its partition, or on
		// another one:
		// give the consumer the time to have seen all three, then count.
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> inbox(id).size() == 2);
		List<JsonNode> inbox = inbox(id);
		assertThat(inbox.get(0).get("seq").asLong()).isGreaterThan(inbox.get(1).get("seq").asLong());
		assertThat(inbox.get(0).get("summary").asString()).contains("was established");

		String notificationId = inbox.get(1).get("id").asString();
		assertThat(JSON
			.readTree(api.post("/api/subscriptions/" + id + "/notifications/" + notificationId + "/read").body())
			.get("read")
			.asBoolean()).isTrue();
	}

	@Test
	void keepsEachSubscriptionToItsOwner() throws Exception {
		JsonNode mine = subscribe("{\"channel\": \"INBOX\"}", null);
		String id = mine.get("id").asString();
		assertThat(mine.get("subscriber").asString()).as("the label defaults to the caller's name")
			.startsWith("owner-");
		events.publish(established(UUID.randomUUID().toString()));
		await().atMost(Duration.ofSeconds(30)).until(() -> !inbox(id).isEmpty());
		String notification = inbox(id).get(0).get("id").asString();

		ServiceApi someoneElse = anonymous.as(TOKENS.user("someone-else", "SKGO"));
		for (String path : List.of("", "/notifications", "/deliveries", "/stream")) {
			assertThat(someoneElse.get("/api/subscriptions/" + id + path).statusCode()).as("GET " + path)
				.isEqualTo(404);
			assertThat(anonymous.get("/api/subscriptions/" + id + path).statusCode()).as("anonymous GET " + path)
				.isEqualTo(401);
		}
		assertThat(
				someoneElse.post("/api/subscriptions/" + id + "/notifications/" + notification + "/read").statusCode())
			.isEqualTo(404);
		assertThat(someoneElse.post("/api/subscriptions/" + id + "/deliveries/" + notification + "/retry").statusCode())
			.isEqualTo(404);
		assertThat(someoneElse.send("DELETE", "/api/subscriptions/" + id, null, null).statusCode()).isEqualTo(404);
		assertThat(someoneElse.get("/api/subscriptions").json().get("content").findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(anonymous.get("/api/subscriptions").statusCode()).isEqualTo(401);
		assertThat(anonymous.post("/api/subscriptions", "{\"channel\": \"INBOX\"}").statusCode()).isEqualTo(401);

		assertThat(inbox(id).get(0).get("read").asBoolean()).as("nothing the others tried changed it").isFalse();
		assertThat(api.get("/api/subscriptions").json().get("content").findValuesAsString("id")).containsExactly(id);
		assertThat(api.send("DELETE", "/api/subscriptions/" + id, null, null).statusCode()).isEqualTo(204);
	}

	@Test
	void streamsNotificationsInSequenceOrderEvenWhenAnEarlierOneIsStoredLate() throws Exception {
		String id = subscribe("{\"channel\": \"INBOX\"}", null).get("id").asString();
		String url = "http://localhost:" + port + "/api/subscriptions/" + id + "/stream";
		try (SseClient live = new SseClient(url, token, null)) {
			// An insert that takes its number, then is slow to land: the next event's
			// notification lands first.
			long slow = mongo.getCollection("notification_counters")
				.findOneAndUpdate(new org.bson.Document("_id", id),
						new org.bson.Document("$inc", new org.bson.Document("seq", 1L)),
						new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true)
							.returnDocument(com.mongodb.client.model.ReturnDocument.AFTER))
				.get("seq", Number.class)
				.longValue();
			events.publish(established(UUID.randomUUID().toString()));
			await().atMost(Duration.ofSeconds(30)).until(() -> inbox(id).size() == 1);
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> live.events().isEmpty());

			org.bson.Document later = mongo.getCollection("notifications")
				.find(new org.bson.Document("subscriptionId", id))
				.first();
			org.bson.Document late = new org.bson.Document(later).append("_id", UUID.randomUUID().toString())
				.append("seq", slow)
				.append("eventId", UUID.randomUUID().toString());
			mongo.getCollection("notifications").insertOne(late);

			await().atMost(Duration.ofSeconds(10)).until(() -> live.events().size() == 2);
			assertThat(live.events()).extracting(SseClient.Event::id)
				.as("the late one first: a stream never skips a number")
				.containsExactly(Long.toString(slow), Long.toString(slow + 1));
		}
	}

	@Test
	void opensAStreamAtOnceAndPagesASubscribersSubscriptions() throws Exception {
		String subscriber = "paged-" + UUID.randomUUID();
		String first = subscribe("{\"subscriber\": \"%s\", \"channel\": \"INBOX\"}".formatted(subscriber), null)
			.get("id")
			.asString();
		subscribe("{\"subscriber\": \"%s\", \"channel\": \"INBOX\"}".formatted(subscriber), null);

		JsonNode page = api.get("/api/subscriptions?size=1").json();
		assertThat(page.get("content")).hasSize(1);
		assertThat(page.get("content").get(0).get("id").asString()).isEqualTo(first);
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(2);

		// Nothing is pending: the headers and the opening comment still come at once, not
		// with the first keep-alive.
		CompletableFuture<SseClient> opening = CompletableFuture.supplyAsync(() -> {
			try {
				return new SseClient("http://localhost:" + port + "/api/subscriptions/" + first + "/stream", token,
						null);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		await().atMost(Duration.ofSeconds(5)).until(opening::isDone);
		try (SseClient stream = opening.join()) {
			assertThat(stream.status).isEqualTo(200);
		}
	}

	@Test
	void streamsNotificationsLiveAndResumesAfterLastEventId() throws Exception {
		String id = subscribe(
				"{\"subscriber\": \"SKGO\", \"channel\": \"INBOX\", \"eventTypes\": [\"PartnershipEstablished\"]}",
				null)
			.get("id")
			.asString();
		String url = "http://localhost:" + port + "/api/subscriptions/" + id + "/stream";

		String firstId;
		try (SseClient live = new SseClient(url, token, null)) {
			assertThat(live.status).isEqualTo(200);
			events.publish(established(UUID.randomUUID().toString()));
			await().atMost(Duration.ofSeconds(30)).until(() -> live.events().size() == 1);
			SseClient.Event first = live.events().get(0);
			assertThat(first.name()).isEqualTo("PartnershipEstablished");
			assertThat(JSON.readTree(first.data()).get("summary").asString()).contains("was established");
			firstId = first.id();
		}

		events.publish(established(UUID.randomUUID().toString()));
		events.publish(established(UUID.randomUUID().toString()));
		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(id).size() == 3);

		try (SseClient resumed = new SseClient(url, token, firstId)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> resumed.events().size() >= 2);
			await().during(Duration.ofMillis(700))
				.atMost(Duration.ofSeconds(5))
				.until(() -> resumed.events().size() == 2);
			assertThat(resumed.events()).extracting(SseClient.Event::id)
				.containsExactly(Long.toString(Long.parseLong(firstId) + 1),
						Long.toString(Long.parseLong(firstId) + 2));
		}
	}

	@Test
	void matchesEachFilterThroughTheSubscriptionIndex() throws Exception {
		String partnershipId = UUID.randomUUID().toString();
		String laId = "la-" + UUID.randomUUID();
		String byPartnership = inboxFor("{\"partnershipId\": \"%s\"}".formatted(partnershipId));
		String byLocalAuthority = inboxFor("{\"localAuthorityId\": \"%s\"}".formatted(laId));
		String byCountry = inboxFor("{\"country\": \"DE\"}");
		String byTheme = inboxFor("{\"theme\": \"HEALTH\"}");
		String planSigned = subscribe(
				"{\"subscriber\": \"Embassy\", \"channel\": \"INBOX\", \"eventTypes\": [\"PlanSigned\"], "
						+ "\"filter\": {\"partnershipId\": \"%s\"}}".formatted(partnershipId),
				null)
			.get("id")
			.asString();

		events.publish(new PartnershipEstablished(partnershipId, 0, PartnershipStatus.ACTIVE, partners(laId, "nis"),
				2005, Set.of(Theme.CULTURE), null, Instant.now()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> inbox(byPartnership).size() == 1 && inbox(byLocalAuthority).size() == 1);

		String planId = UUID.randomUUID().toString();
		events.publish(new PlanSigned(planId, 2, 2020, "Akcioni plan 2020",
				List.of(new PlanEvent.SignedParty("AMBAFRANCE-RS", "Ambassade de France", "Ambassador", Instant.now()),
						new PlanEvent.SignedParty("SKGO", "SKGO", "Secretary General", Instant.now())),
				Set.of(Theme.YOUTH),
				List.of(new PlanEvent.Activity("a1", "Health days", Theme.HEALTH, List.of(partnershipId), null, null,
						List.of(new PlanEvent.Funding(FundingSource.EU_CALL, new BigDecimal("1000"))))),
				Instant.now()));

		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(planSigned).size() == 1);
		assertThat(inbox(byPartnership)).hasSize(2);
		assertThat(inbox(byLocalAuthority)).as("plan events match the partners of their partnerships").hasSize(2);
		assertThat(inbox(byTheme)).extracting(n -> n.get("eventType").asString()).containsExactly("PlanSigned");
		assertThat(inbox(byCountry)).isEmpty();
		assertThat(inbox(planSigned).get(0).get("summary").asString()).contains("Akcioni plan 2020")
			.contains("signed by all its parties");
	}

	@Test
	void bringsPartnerSearchesAndFundingCallsToTheSubscriptionsTheyConcern() throws Exception {
		String searcherId = "la-" + UUID.randomUUID();
		String searchId = UUID.randomUUID().toString();
		String wantsCroatia = inboxFor("{\"country\": \"HR\"}");
		String bySearcher = inboxFor("{\"localAuthorityId\": \"%s\"}".formatted(searcherId));
		String openedOnTourism = subscribe("{\"subscriber\": \"Twinning association\", \"channel\": \"INBOX\", "
				+ "\"eventTypes\": [\"PartnerSearchOpened\"], \"filter\": {\"country\": \"HR\", \"theme\": \"TOURISM\"}}",
				null)
			.get("id")
			.asString();
		String montenegro = inboxFor("{\"country\": \"ME\"}");

		Searcher searcher = new Searcher(searcherId, "RS-VRNJACKA-BANJA", "Врњачка Бања", "RS");
		events.publish(new PartnerSearchOpened(searchId, 0, PartnerSearchStatus.OPEN, searcher,
				Set.of(Theme.TOURISM, Theme.YOUTH), Set.of("HR"), "A spa town for tourism exchanges",
				LocalDate.now().plusMonths(2), Instant.now()));
		events.publish(new FundingCallPublished(UUID.randomUUID().toString(), 0, "EU-HR-RS-TOURISM",
				"Cross-border tourism", FundingSource.EU_CALL, Set.of(Theme.TOURISM), Set.of("HR", "RS"),
				LocalDate.now(), LocalDate.now().plusMonths(3), new BigDecimal("50000.00"), new BigDecimal("0.85"),
				Instant.now()));
		events.publish(new PartnerSearchClosed(searchId, 1, PartnerSearchStatus.CLOSED, searcher,
				Set.of(Theme.TOURISM, Theme.YOUTH), Set.of("HR"), LocalDate.now(), "Expired", null, true,
				Instant.now()));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> inbox(wantsCroatia).size() == 3 && inbox(bySearcher).size() == 2);
		assertThat(inbox(bySearcher)).extracting(n -> n.get("eventType").asString())
			.containsExactly("PartnerSearchClosed", "PartnerSearchOpened");
		assertThat(inbox(openedOnTourism)).extracting(n -> n.get("summary").asString())
			.as("in English, the reader's default language; the name in Latin")
			.containsExactly(
					"Vrnjačka Banja (RS) is looking for partners in Croatia on tourism and youth, until %s: A spa town for tourism exchanges."
						.formatted(new LocalizedFormats().date(LocalDate.now().plusMonths(2), Locale.ENGLISH)));
		assertThat(inbox(wantsCroatia)).extracting(n -> n.get("summary").asString())
			.anySatisfy(summary -> assertThat(summary)
				.startsWith("The funding call “Cross-border tourism” (EU-HR-RS-TOURISM, EU call) is published")
				.contains("up to €50,000.00 per funding line and 85% of an activity"))
			.anySatisfy(summary -> assertThat(summary).contains("closed by itself"));
		assertThat(inbox(montenegro)).isEmpty();
	}

	private String inboxFor(String filter) {
		return subscribe(
				"{\"subscriber\": \"Filtered\", \"channel\": \"INBOX\", \"filter\": " + filter.replace("%", "%%") + "}",
				null)
			.get("id")
			.asString();
	}

	private static PartnershipEstablished established(String partnershipId) {
		return new PartnershipEstablished(partnershipId, 0, PartnershipStatus.ACTIVE,
				partners("nevers", "sremska-mitrovica"), 2005, Set.of(Theme.CULTURE), null, Instant.now());
	}

	private static List<PartnershipEvent.Partner> partners(String firstId, String secondId) {
		return List.of(new PartnershipEvent.Partner(firstId, "Nevers", "FR"),
				new PartnershipEvent.Partner(secondId, "Sremska Mitrovica", "RS"));
	}

	private JsonNode subscribe(String json, String target) {
		Answer response = api.post("/api/subscriptions", target == null ? json : json.formatted(target));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body());
	}

	private List<JsonNode> inbox(String subscriptionId) {
		return JSON.readTree(get("/api/subscriptions/" + subscriptionId + "/notifications"))
			.get("content")
			.valueStream()
			.toList();
	}

	private List<JsonNode> deliveries(String subscriptionId) {
		return JSON.readTree(get("/api/subscriptions/" + subscriptionId + "/deliveries"))
			.get("content")
			.valueStream()
			.toList();
	}

	private String get(String path) {
		return api.get(path).body();
	}

	/**
	 * The Standard Webhooks signature, computed here independently of the service's code.
	 */
	private static String hmac(String secret, String content) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
	}

}
