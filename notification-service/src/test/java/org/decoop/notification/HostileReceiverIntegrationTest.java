package org.decoop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.Topics;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.platform.testing.EventPublisher;
import org.decoop.platform.testing.EventTopics;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.testing.WebhookReceiver;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A receiver that answers its headers and then trickles its body costs one timeout per
 * attempt, and no one else anything.
 */
@ServiceScenario(database = "notifications-hostile",
		properties = { "decoop.notification.timeout=3s", "decoop.notification.retry-schedule=1h",
				"decoop.notification.poll-interval=50ms", "decoop.notification.concurrency=2",
				"decoop.notification.allow-private-targets=true" })
class HostileReceiverIntegrationTest {

	@RegisterExtension
	static final EventPublisher events = new EventPublisher();

	@RegisterExtension
	static final WebhookReceiver receiver = new WebhookReceiver();

	@LocalServerPort
	int port;

	@Test
	void boundsAnAttemptOnATricklingReceiverAndDeliversToOthersMeanwhile() throws Exception {
		ServiceApi api = ServiceApi.onPort(port).as(TestTokens.shared().user("hostile-" + UUID.randomUUID()));
		String slowPartnership = UUID.randomUUID().toString();
		String fastPartnership = UUID.randomUUID().toString();
		String slow = subscribe(api, receiver.trickle("/trickle"), slowPartnership);
		String fast = subscribe(api, receiver.answer("/fast", 204), fastPartnership);

		publish(slowPartnership);
		await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedOn("/trickle").size() == 1);
		// Later events for others, while the trickling attempt holds its slot:
		publish(fastPartnership);
		publish(fastPartnership);

		await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedOn("/fast").size() == 2);
		JsonNode slowAttempt = await().atMost(Duration.ofSeconds(30))
			.until(() -> attempts(api, slow), attempts -> !attempts.isEmpty())
			.get(0);
		assertThat(slowAttempt.get("error").asString()).isEqualTo("no answer within 3000 ms");
		Instant slowFinished = Instant.parse(slowAttempt.get("at").asString())
			.plusMillis(slowAttempt.get("durationMillis").asLong());
		for (JsonNode delivery : api.get("/api/subscriptions/" + fast + "/deliveries").json().get("content")) {
			assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
			assertThat(Instant.parse(delivery.get("deliveredAt").asString()))
				.as("delivered while the trickling attempt still ran")
				.isBefore(slowFinished);
		}
	}

	@Test
	void manualRetriesBringTheNextAttemptForwardWithoutSpendingTheSchedule() throws Exception {
		ServiceApi api = ServiceApi.onPort(port).as(TestTokens.shared().user("retrier-" + UUID.randomUUID()));
		String partnership = UUID.randomUUID().toString();
		String subscription = subscribe(api, receiver.answer("/down", 500), partnership);
		publish(partnership);
		// the schedule here: one retry, an hour after the first attempt
		JsonNode delivery = await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/api/subscriptions/" + subscription + "/deliveries").json().get("content"),
					deliveries -> deliveries.size() == 1 && deliveries.get(0).get("attemptCount").asInt() == 1)
			.get(0);
		String retry = "/api/subscriptions/" + subscription + "/deliveries/" + delivery.get("id").asString() + "/retry";

		for (int manual = 1; manual <= 3; manual++) {
			assertThat(api.post(retry).statusCode()).isEqualTo(202);
			int expected = 1 + manual;
			await().atMost(Duration.ofSeconds(30))
				.until(() -> receiver.receivedOn("/down").size() == expected
						&& api.get("/api/subscriptions/" + subscription + "/deliveries")
							.json()
							.get("content")
							.get(0)
							.get("attemptCount")
							.asInt() == expected);
		}
		JsonNode after = api.get("/api/subscriptions/" + subscription + "/deliveries").json().get("content").get(0);
		assertThat(after.get("status").asString()).as("still on its schedule, not failed for good")
			.isEqualTo("PENDING");
		assertThat(Instant.parse(after.get("nextAttemptAt").asString()))
			.isAfter(Instant.now().plus(Duration.ofMinutes(50)));
		try (KafkaConsumer<String, byte[]> consumer = EventTopics.consumer(Topics.NOTIFICATION_EVENTS)) {
			assertThat(consumer.poll(Duration.ofSeconds(2))).extracting(record -> record.key())
				.as("no NotificationDeliveryFailed")
				.doesNotContain(subscription);
		}
	}

	private static String subscribe(ServiceApi api, String url, String partnershipId) {
		ServiceApi.Answer created = api.post("/api/subscriptions", """
				{"subscriber": "hostile-%s", "channel": "WEBHOOK", "target": "%s", "filter": {"partnershipId": "%s"}}"""
			.formatted(partnershipId, url, partnershipId));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created.id();
	}

	private static void publish(String partnershipId) throws Exception {
		events.publish(new PartnershipEstablished(partnershipId, 0, PartnershipStatus.ACTIVE,
				List.of(new PartnershipEvent.Partner("nevers", "Nevers", "FR"),
						new PartnershipEvent.Partner("sm", "Sremska Mitrovica", "RS")),
				2005, Set.of(Theme.CULTURE), null, Instant.now()));
	}

	private static List<JsonNode> attempts(ServiceApi api, String subscriptionId) {
		return api.get("/api/subscriptions/" + subscriptionId + "/deliveries")
			.content()
			.flatMap(delivery -> delivery.get("attempts").valueStream())
			.toList();
	}

}
