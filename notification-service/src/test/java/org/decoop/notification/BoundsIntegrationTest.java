package org.decoop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Subscribers and stream clients cannot take more than their share: bounded, answered as
 * problems, streams renewed.
 */
@ServiceScenario(database = "notifications-bounds",
		properties = { "decoop.notification.subscriptions-per-subscriber=2",
				"decoop.notification.streams-per-subscription=1", "decoop.notification.streams-per-owner=1",
				"decoop.notification.stream-max-life=2s" })
class BoundsIntegrationTest {

	@LocalServerPort
	int port;

	private ServiceApi api;

	@BeforeEach
	void connect() {
		api = ServiceApi.onPort(port);
	}

	@Test
	void boundsTheSubscriptionsOfOneOwner() {
		String subscriber = "bounded-" + UUID.randomUUID();
		assertThat(inbox(subscriber).statusCode()).isEqualTo(201);
		assertThat(inbox(subscriber).statusCode()).isEqualTo(201);

		ServiceApi.Answer third = inbox(subscriber);
		assertThat(third.statusCode()).isEqualTo(409);
		assertThat(third.json().get("detail").asString()).contains("at most 2 subscriptions");
		assertThat(inbox("other-" + UUID.randomUUID()).statusCode()).isEqualTo(201);
	}

	@Test
	void boundsTheStreamsOfASubscriptionAndEndsEachAfterItsLife() throws Exception {
		String streamer = "streamer-" + UUID.randomUUID();
		String token = TestTokens.shared().user(streamer);
		String subscription = inbox(streamer).id();
		String url = "http://localhost:" + port + "/api/subscriptions/" + subscription + "/stream";

		try (SseClient first = new SseClient(url, token, null)) {
			assertThat(first.status).isEqualTo(200);
			try (SseClient second = new SseClient(url, token, null)) {
				assertThat(second.status).isEqualTo(429);
			}
			await().atMost(Duration.ofSeconds(15)).until(first::ended);
		}
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			try (SseClient renewed = new SseClient(url, token, "0")) {
				assertThat(renewed.status).as("a client reconnects once its stream has ended").isEqualTo(200);
			}
		});
	}

	/**
	 * One owner cannot take an instance's streams through many subscriptions; another
	 * owner still gets one.
	 */
	@Test
	void boundsTheStreamsOfOneOwnerAcrossItsSubscriptionsAndFreesASlotWhenAStreamEnds() throws Exception {
		String owner = "stream-owner-" + UUID.randomUUID();
		String token = TestTokens.shared().user(owner);
		String first = inbox(owner).id();
		String second = inbox(owner).id();
		String other = "other-" + UUID.randomUUID();

		try (SseClient open = new SseClient(streamUrl(first), token, null)) {
			assertThat(open.status).isEqualTo(200);

			HttpResponse<String> refused = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(streamUrl(second)))
					.header("Accept", "text/event-stream")
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			assertThat(refused.body()).contains("at most 1 open stream");

			try (SseClient others = new SseClient(streamUrl(inbox(other).id()), TestTokens.shared().user(other),
					null)) {
				assertThat(others.status).as("another owner is not held up").isEqualTo(200);
			}
			await().atMost(Duration.ofSeconds(15)).until(open::ended);
		}
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			try (SseClient renewed = new SseClient(streamUrl(second), token, null)) {
				assertThat(renewed.status).as("the ended stream's slot is free again").isEqualTo(200);
			}
		});
	}

	private String streamUrl(String subscription) {
		return "http://localhost:" + port + "/api/subscriptions/" + subscription + "/stream";
	}

	/** An INBOX subscription owned by the user {@code owner}. */
	private ServiceApi.Answer inbox(String owner) {
		return api.as(TestTokens.shared().user(owner)).post("/api/subscriptions", "{\"channel\": \"INBOX\"}");
	}

}
