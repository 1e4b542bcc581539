package org.decoop.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.decoop.notification.SharedServiceContext;
import org.decoop.notification.SseClient;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.notification.notification.domain.Summary;
import org.decoop.notification.notification.domain.Summary.Argument;
import org.decoop.platform.i18n.LanguageMessageSource;
import org.decoop.platform.i18n.LocalizedFormats;
import org.decoop.platform.messaging.IncomingEvent;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.tracing.Traces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A stream served by this instance receives, in order and once each, the notifications
 * that ANOTHER instance stores in the shared MongoDB: that instance's recorder wakes only
 * its own streams, so here only the poller's one read per tick of the counters can find
 * them. The notifications are stored at random moments, and the time from the start of
 * each store to its arrival at the SSE client is printed (p50, p99; docs/performance.md).
 */
class CrossInstanceStreamIntegrationTest extends SharedServiceContext {

	private static final int NOTIFICATIONS = 100;

	private static final Pattern MARKER = Pattern.compile("cross-instance #(\\d+) ");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Deliveries deliveries;

	@Autowired
	Subscriptions subscriptions;

	@Test
	void aStreamReceivesInOrderWhatAnotherInstanceStored() throws Exception {
		String owner = "cross-instance-" + UUID.randomUUID();
		String token = TestTokens.shared().user(owner);
		String subscriptionId = ServiceApi.onPort(port)
			.as(token)
			.post("/api/subscriptions", "{\"subscriber\": \"Nevers\", \"channel\": \"INBOX\"}")
			.id();
		Subscription subscription = subscriptions.byId(new SubscriptionId(subscriptionId)).orElseThrow();
		// the other instance: the same store, and wake-ups that reach its own streams
		// only
		NotificationRecorder otherInstance = new NotificationRecorder(
				new Notifications(mongo, deliveries, Clock.systemUTC()), stored -> {
				}, Traces.NONE, new Summaries(LanguageMessageSource.fromClassPath(), new LocalizedFormats()));
		AtomicLongArray storingNanos = new AtomicLongArray(NOTIFICATIONS);
		ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
		try (SseClient stream = new SseClient(
				"http://localhost:%d/api/subscriptions/%s/stream".formatted(port, subscriptionId), token, null)) {
			assertThat(stream.status).isEqualTo(200);
			// at random moments (20 to 200 ms apart): every phase of the poller's tick
			Random random = new Random(25);
			long at = 0;
			for (int i = 0; i < NOTIFICATIONS; i++) {
				at += 20 + random.nextInt(181);
				int n = i;
				writer.schedule(() -> {
					storingNanos.set(n, System.nanoTime());
					otherInstance.record(subscription, event(n), Summary
						.of("notification.summary.PartnershipEstablished", Argument.name("cross-instance #" + n + " ")),
							Instant.now());
				}, at, TimeUnit.MILLISECONDS);
			}

			await().atMost(Duration.ofSeconds(90)).until(() -> ours(stream.events()).size() >= NOTIFICATIONS);

			List<SseClient.Event> received = ours(stream.events());
			assertThat(received).extracting(CrossInstanceStreamIntegrationTest::marker)
				.as("each once, in the order stored")
				.containsExactlyElementsOf(IntStream.range(0, NOTIFICATIONS).boxed().toList());
			assertThat(received).extracting(SseClient.Event::id)
				.as("sequence numbers increasing")
				.isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
			List<Double> latencies = new ArrayList<>();
			for (SseClient.Event event : received) {
				latencies.add((event.receivedNanos() - storingNanos.get(marker(event))) / 1e6);
			}
			Collections.sort(latencies);
			System.out.printf(
					"cross-instance stream latency over %d notifications: p50 %.0f ms, p99 %.0f ms, " + "max %.0f ms%n",
					NOTIFICATIONS, percentile(latencies, 50), percentile(latencies, 99),
					latencies.get(latencies.size() - 1));
		}
		finally {
			writer.shutdownNow();
		}
	}

	private static IncomingEvent event(int n) {
		return new IncomingEvent(UUID.randomUUID().toString(), "org.decoop.PartnershipEstablished",
				"/partnership-service", "p-" + n, Instant.now().toString(),
				"{\"n\": %d}".formatted(n).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The events this test stored (the shared context's other scenarios store theirs).
	 */
	private static List<SseClient.Event> ours(List<SseClient.Event> events) {
		return events.stream().filter(event -> MARKER.matcher(event.data()).find()).toList();
	}

	private static int marker(SseClient.Event event) {
		Matcher matcher = MARKER.matcher(event.data());
		matcher.find();
		return Integer.parseInt(matcher.group(1));
	}

	private static double percentile(List<Double> sorted, int percent) {
		return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

}
