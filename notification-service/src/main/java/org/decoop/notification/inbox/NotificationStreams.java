package org.decoop.notification.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.decoop.platform.domain.Phrase;
import org.decoop.notification.NotificationProperties;
import org.decoop.notification.inbox.web.NotificationResponse;
import org.decoop.notification.notification.Notification;
import org.decoop.notification.notification.NotificationStored;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.notification.Summaries;
import org.decoop.platform.scheduling.PeriodicWork;
import org.decoop.platform.web.LimitReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open SSE streams. Each stream remembers the sequence number of the last
 * notification it sent and sends what was stored since, in order, with that number as the
 * SSE id. Reading from MongoDB rather than pushing from memory means a stream sees
 * notifications stored by any instance, and a client that reconnects with
 * {@code Last-Event-ID} gets exactly what it missed.
 *
 * <p>
 * How a stream learns that something is new: a notification stored by this instance wakes
 * its streams at once ({@link NotificationStored}); one stored by another instance is
 * found by the poller, which reads, every {@link #POLL}, the newest sequence number of
 * every open stream's subscription in ONE by-key read of the counters
 * ({@link Notifications#lastSeqs}), and has only the streams that are behind read their
 * notifications. So idle streams cost one small read per tick in all, not one query each,
 * and a notification reaches a stream on another instance within a tick (measured in
 * {@code CrossInstanceStreamIntegrationTest}; docs/performance.md). Chosen over a
 * broadcast wake-up on Kafka: no topic, consumer group per instance nor catch-up path to
 * run, for at most 250 ms more.
 */
@Component
class NotificationStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
	static final Duration POLL = Duration.ofMillis(250);

	/**
	 * How long a stream waits for a missing sequence number (taken, not yet stored: a
	 * slow insert, another instance) before it gives up on it: an instance that crashed
	 * between taking a number and storing its notification leaves a hole that nothing
	 * will fill.
	 */
	static final Duration GAP_WAIT = Duration.ofSeconds(10);
	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	/**
	 * How long a send may block on a client that does not read before its stream is
	 * closed.
	 */
	static final Duration STUCK = Duration.ofSeconds(30);

	private static final int BATCH = 100;

	private final Notifications notifications;

	private final Map<SseEmitter, Stream> streams = new ConcurrentHashMap<>();

	/**
	 * Open streams per owner: reserved before a stream is registered, freed when it is
	 * forgotten.
	 */
	private final Map<String, Integer> perOwner = new ConcurrentHashMap<>();

	private final PeriodicWork poller;

	/**
	 * Made at each start: a stop shuts it down, and a stopped context may be started
	 * again (Spring's tests pause cached contexts).
	 */
	private volatile ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final NotificationProperties properties;

	private final Summaries summaries;

	NotificationStreams(Notifications notifications, NotificationProperties properties, Summaries summaries) {
		this.notifications = notifications;
		this.properties = properties;
		this.summaries = summaries;
		this.poller = new PeriodicWork("sse-poller", POLL, POLL, Duration.ZERO, this::pollOnce);
	}

	private static final class Stream {

		final String subscriptionId;

		final String owner;

		/** The reader's language, negotiated when the stream opened. */
		final Locale reader;

		volatile long lastSeq;

		volatile long lastSentNanos = System.nanoTime();

		/** The missing number the stream waits for, and since when. */
		volatile long awaitedSeq = -1;

		volatile long awaitedSinceNanos;

		/**
		 * A send to this client is under way (since when): the next round leaves the
		 * stream alone.
		 */
		final AtomicBoolean busy = new AtomicBoolean();

		volatile long busySinceNanos;

		Stream(String subscriptionId, String owner, long lastSeq, Locale reader) {
			this.subscriptionId = subscriptionId;
			this.owner = owner;
			this.reader = reader;
			this.lastSeq = lastSeq;
		}

	}

	/**
	 * Opens a stream that starts after {@code lastSeq}. It ends after the configured
	 * life; the client reconnects with {@code Last-Event-ID} and misses nothing. The
	 * instance and subscription counts are not atomic with the registration (against
	 * floods, not exact); the owner's is, so that one account's concurrent opens cannot
	 * take more than its share.
	 * @throws LimitReached when this instance, this subscription or its owner has as many
	 * streams as it may
	 */
	SseEmitter open(String subscriptionId, String owner, long lastSeq, Locale reader) {
		if (streams.size() >= properties.streamsPerInstance()) {
			throw new LimitReached(Phrase.of("notification.stream.instance-full"));
		}
		if (streams.values()
			.stream()
			.filter(stream -> stream.subscriptionId.equals(subscriptionId))
			.count() >= properties.streamsPerSubscription()) {
			throw new LimitReached(
					Phrase.of("notification.stream.subscription-full", properties.streamsPerSubscription()));
		}
		return register(new SseEmitter(properties.streamMaxLife().toMillis()), subscriptionId, owner, lastSeq, reader);
	}

	/**
	 * Starts streaming to {@code emitter}, in one of its owner's slots.
	 * @throws LimitReached when the owner has as many streams as it may
	 */
	SseEmitter register(SseEmitter emitter, String subscriptionId, String owner, long lastSeq, Locale reader) {
		reserveSlot(owner);
		try {
			// Sent with the headers, so that a client knows at once that the stream is
			// open.
			emitter.send(SseEmitter.event().comment("stream open"));
		}
		catch (IOException gone) {
			releaseSlot(owner);
			emitter.completeWithError(gone);
			return emitter;
		}
		streams.put(emitter, new Stream(subscriptionId, owner, lastSeq, reader));
		emitter.onCompletion(() -> forget(emitter));
		emitter.onTimeout(() -> {
			forget(emitter);
			emitter.complete();
		});
		emitter.onError(error -> forget(emitter));
		return emitter;
	}

	private void reserveSlot(String owner) {
		// compute is atomic per key; the exception leaves the count as it was
		perOwner.compute(owner, (key, open) -> {
			int count = open == null ? 0 : open;
			if (count >= properties.streamsPerOwner()) {
				throw new LimitReached(Phrase.of("notification.stream.owner-full", properties.streamsPerOwner()));
			}
			return count + 1;
		});
	}

	private void releaseSlot(String owner) {
		perOwner.computeIfPresent(owner, (key, open) -> open > 1 ? open - 1 : null);
	}

	/**
	 * Stops serving a stream that ended, however it ended, and frees its owner's slot
	 * (once: only one remove finds it).
	 */
	private void forget(SseEmitter emitter) {
		Stream stream = streams.remove(emitter);
		if (stream != null) {
			releaseSlot(stream.owner);
		}
	}

	/**
	 * Sends the stored notifications after the last one sent, in sequence order, and
	 * stops at a missing number: it is sent first when it lands, so that no notification
	 * is ever skipped by a stream (a client resuming with Last-Event-ID would never get
	 * it). A number known to be unused is passed over; one missing for longer than
	 * {@link #GAP_WAIT} is given up.
	 */
	private void sendInOrder(SseEmitter emitter, Stream stream, long latest) throws IOException {
		List<Notification> fresh = notifications.after(stream.subscriptionId, stream.lastSeq, BATCH);
		// read when a number is first found missing
		SingletonSupplier<Set<Long>> unused = SingletonSupplier
			.of(() -> notifications.unusedSeqs(stream.subscriptionId, stream.lastSeq));
		for (Notification notification : fresh) {
			while (notification.seq() > stream.lastSeq + 1) {
				if (!passOverMissing(stream, unused)) {
					return;
				}
			}
			emitter.send(SseEmitter.event()
				.id(Long.toString(notification.seq()))
				.name(notification.eventType())
				.data(NotificationResponse.of(notification, summaries.of(notification, stream.reader))));
			stream.lastSeq = notification.seq();
			stream.lastSentNanos = System.nanoTime();
		}
		// numbers taken after the last one stored: passed over when known to be unused,
		// else awaited, so that a stream is not behind for ever on a number never stored
		while (fresh.size() < BATCH && stream.lastSeq < latest) {
			if (!passOverMissing(stream, unused)) {
				return;
			}
		}
	}

	/**
	 * Passes over the number after the last one sent when it is known to be unused or was
	 * awaited too long; false while it is still awaited.
	 */
	private static boolean passOverMissing(Stream stream, SingletonSupplier<Set<Long>> unused) {
		long missing = stream.lastSeq + 1;
		if (!unused.obtain().contains(missing) && !gaveUpWaitingFor(stream, missing)) {
			return false;
		}
		stream.lastSeq = missing;
		return true;
	}

	private static boolean gaveUpWaitingFor(Stream stream, long missing) {
		long now = System.nanoTime();
		if (stream.awaitedSeq != missing) {
			stream.awaitedSeq = missing;
			stream.awaitedSinceNanos = now;
			return false;
		}
		if (now - stream.awaitedSinceNanos < GAP_WAIT.toNanos()) {
			return false;
		}
		log.warn("SSE stream of subscription {}: notification {} was never stored; going on without it",
				stream.subscriptionId, missing);
		return true;
	}

	/**
	 * One round: one read of the newest sequence number of every open stream's
	 * subscription, whichever instance stored it; the streams behind it, and those due
	 * for a heartbeat, are served, each on a thread of its own (a virtual thread), so a
	 * client that reads slowly, whose writes block once its socket buffer is full, holds
	 * up only its own stream. A stream still busy from an earlier round is left alone;
	 * one stuck longer than {@link #STUCK} is closed (its client reconnects with
	 * Last-Event-ID and misses nothing).
	 */
	void pollOnce() {
		if (streams.isEmpty()) {
			return;
		}
		Set<String> open = new HashSet<>();
		streams.values().forEach(stream -> open.add(stream.subscriptionId));
		Map<String, Long> latest = notifications.lastSeqs(open);
		long now = System.nanoTime();
		streams.forEach((emitter, stream) -> {
			long newest = latest.getOrDefault(stream.subscriptionId, 0L);
			if (newest > stream.lastSeq || now - stream.lastSentNanos > HEARTBEAT.toNanos()) {
				serveSoon(emitter, stream, newest);
			}
		});
	}

	/**
	 * A notification was stored on this instance: its subscription's streams send it now,
	 * not at the next poll.
	 */
	@EventListener
	void on(NotificationStored stored) {
		streams.forEach((emitter, stream) -> {
			if (stream.subscriptionId.equals(stored.subscriptionId())) {
				serveSoon(emitter, stream, stored.seq());
			}
		});
	}

	/**
	 * Serves a stream on a thread of its own, up to {@code latest}, unless it is being
	 * served already (then the next round sends what is new).
	 */
	private void serveSoon(SseEmitter emitter, Stream stream, long latest) {
		if (!stream.busy.compareAndSet(false, true)) {
			if (System.nanoTime() - stream.busySinceNanos > STUCK.toNanos()) {
				log.warn("SSE stream of subscription {} is stuck on a client that does not read; closing it",
						stream.subscriptionId);
				forget(emitter);
				emitter.complete();
			}
			return;
		}
		stream.busySinceNanos = System.nanoTime();
		senders.execute(() -> {
			try {
				serve(emitter, stream, latest);
			}
			finally {
				stream.busy.set(false);
			}
		});
	}

	private void serve(SseEmitter emitter, Stream stream, long latest) {
		try {
			if (latest > stream.lastSeq) {
				sendInOrder(emitter, stream, latest);
			}
			if (System.nanoTime() - stream.lastSentNanos > HEARTBEAT.toNanos()) {
				emitter.send(SseEmitter.event().comment("keep-alive"));
				stream.lastSentNanos = System.nanoTime();
			}
		}
		catch (IOException | IllegalStateException gone) {
			forget(emitter);
		}
		catch (RuntimeException e) {
			log.warn("SSE stream of subscription {} failed: {}", stream.subscriptionId, e.toString());
			forget(emitter);
			emitter.completeWithError(e);
		}
	}

	@Override
	public void start() {
		if (senders.isShutdown()) {
			senders = Executors.newVirtualThreadPerTaskExecutor();
		}
		poller.start();
	}

	@Override
	public void stop() {
		poller.stop();
		senders.shutdownNow();
		streams.keySet().forEach(SseEmitter::complete);
		streams.clear();
		perOwner.clear();
	}

	@Override
	public boolean isRunning() {
		return poller.isRunning();
	}

}
