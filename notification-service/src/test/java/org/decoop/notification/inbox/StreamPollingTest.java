package org.decoop.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.decoop.events.Channel;
import org.decoop.notification.NotificationProperties;
import org.decoop.notification.notification.Notification;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.notification.domain.DeliveryStatus;
import org.decoop.platform.i18n.LanguageMessageSource;
import org.decoop.platform.i18n.LocalizedFormats;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An instance's open streams learn what is new for them, whichever instance stored it,
 * from ONE read per tick for all of them (the newest sequence number of each of their
 * subscriptions); only a stream with something new reads its notifications. No polling
 * scan per stream.
 */
class StreamPollingTest {

	private final Notifications notifications = mock(Notifications.class);

	private final NotificationStreams streams = new NotificationStreams(notifications, properties(),
			new Summaries(LanguageMessageSource.fromClassPath(), new LocalizedFormats()));

	@Test
	void readsOnceForAllOpenStreamsAndOnlyTheStreamWithSomethingNewReadsIt() {
		RecordingEmitter quiet = register("sub-quiet", 5);
		RecordingEmitter busy = register("sub-busy", 5);
		RecordingEmitter alsoQuiet = register("sub-also-quiet", 0);
		given(notifications.lastSeqs(anyCollection())).willReturn(Map.of("sub-quiet", 5L, "sub-busy", 7L));
		given(notifications.after("sub-busy", 5, 100))
			.willReturn(List.of(notification("sub-busy", 6), notification("sub-busy", 7)));

		streams.pollOnce();

		await().atMost(Duration.ofSeconds(10)).until(() -> busy.ids.size() == 2);
		assertThat(busy.ids).containsExactly("6", "7");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Collection<String>> asked = ArgumentCaptor.forClass(Collection.class);
		verify(notifications, times(1)).lastSeqs(asked.capture());
		assertThat(Set.copyOf(asked.getValue())).containsExactlyInAnyOrder("sub-quiet", "sub-busy", "sub-also-quiet");
		verify(notifications, never()).after(eq("sub-quiet"), anyLong(), anyInt());
		verify(notifications, never()).after(eq("sub-also-quiet"), anyLong(), anyInt());
		assertThat(quiet.ids).isEmpty();
		assertThat(alsoQuiet.ids).isEmpty();
	}

	private RecordingEmitter register(String subscriptionId, long lastSeq) {
		RecordingEmitter emitter = new RecordingEmitter();
		streams.register(emitter, subscriptionId, "owner-of-" + subscriptionId, lastSeq, Locale.ENGLISH);
		return emitter;
	}

	private static Notification notification(String subscriptionId, long seq) {
		return new Notification("n-" + seq, subscriptionId, seq, "e-" + seq, "PartnershipEstablished", "p", "summary",
				null, Instant.EPOCH, Instant.EPOCH, "{}", null, false, Channel.INBOX, null, DeliveryStatus.STORED, 0,
				null, null, List.of());
	}

	private static NotificationProperties properties() {
		return new Binder(new MapConfigurationPropertySource(Map.of("decoop.notification.secret-key", "k")))
			.bind("decoop.notification", NotificationProperties.class)
			.get();
	}

	/** Keeps the ids of the events sent (not the comments). */
	private static final class RecordingEmitter extends SseEmitter {

		final List<String> ids = new CopyOnWriteArrayList<>();

		@Override
		public void send(SseEventBuilder builder) {
			builder.build()
				.stream()
				.map(part -> part.getData().toString())
				.filter(line -> line.startsWith("id:"))
				.forEach(line -> ids.add(line.substring(3, line.indexOf('\n')).strip()));
		}

	}

}
