package org.decoop.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.notification.SharedServiceContext;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A client that stops reading (its writes block) holds up its own stream only, never
 * another's.
 */
class StreamIsolationIntegrationTest extends SharedServiceContext {

	@Autowired
	NotificationStreams streams;

	@Test
	void aStreamWhoseClientDoesNotReadDelaysNoOtherStream() throws Exception {
		String owner = "isolation-" + UUID.randomUUID();
		ServiceApi api = ServiceApi.onPort(port).as(TestTokens.shared().user(owner));
		String slowSubscription = api.post("/api/subscriptions", "{\"channel\": \"INBOX\"}").id();
		String fastSubscription = api.post("/api/subscriptions", "{\"channel\": \"INBOX\"}").id();
		CountDownLatch release = new CountDownLatch(1);
		BlockingEmitter slow = new BlockingEmitter(release);
		BlockingEmitter fast = new BlockingEmitter(null);
		streams.register(slow, slowSubscription, owner, 0, Locale.ENGLISH);
		streams.register(fast, fastSubscription, owner, 0, Locale.ENGLISH);
		slow.blocking = true;
		try {
			publishEstablished();
			await().atMost(Duration.ofSeconds(30)).until(() -> fast.sent.size() == 1 && slow.attempts.size() == 1);

			publishEstablished();
			await("the second notification reaches the reading client while the other is stuck")
				.atMost(Duration.ofSeconds(10))
				.until(() -> fast.sent.size() == 2);
			assertThat(slow.sent).as("the stuck client got nothing yet").isEmpty();
		}
		finally {
			release.countDown();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> slow.sent.size() == 2);
	}

	private static void publishEstablished() throws Exception {
		events.publish(new PartnershipEstablished(UUID.randomUUID().toString(), 0, PartnershipStatus.ACTIVE,
				List.of(new PartnershipEvent.Partner("n", "Nevers", "FR"),
						new PartnershipEvent.Partner("s", "Sremska Mitrovica", "RS")),
				2005, Set.of(Theme.CULTURE), null, Instant.now()));
	}

	/**
	 * An emitter whose sends block, as they do when the client's socket buffer is full
	 * and it does not read.
	 */
	private static final class BlockingEmitter extends SseEmitter {

		private final CountDownLatch release;

		final List<Object> attempts = new CopyOnWriteArrayList<>();

		final List<Object> sent = new CopyOnWriteArrayList<>();

		volatile boolean blocking;

		BlockingEmitter(CountDownLatch release) {
			super(0L);
			this.release = release;
		}

		@Override
		public void send(SseEventBuilder builder) throws IOException {
			if (builder.build().stream().noneMatch(part -> part.getData().toString().startsWith("id:"))) {
				return; // comments: the opening one, keep-alives
			}
			attempts.add(builder);
			if (blocking && release != null) {
				try {
					release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IOException(e);
				}
			}
			sent.add(builder);
		}

	}

}
