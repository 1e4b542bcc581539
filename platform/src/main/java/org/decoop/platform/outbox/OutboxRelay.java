package org.decoop.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import org.decoop.platform.scheduling.PeriodicWork;
import org.decoop.platform.tracing.Traces;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the events waiting in aggregate documents, then removes them from the
 * documents.
 * <p>
 * The writer tells the relay in process which aggregate it just wrote
 * ({@link OutboxWakeups}), so events go out at once, found by id; a slow sweep (a query
 * for documents with pending events) catches what a crash or another instance left
 * behind. Either way, for a batch of aggregates: claim them in {@code outbox_claims} (an
 * insert per aggregate, so two relays never relay the same one at once; a claim left by a
 * crash is taken over once it has run out), read them by id, send all their events
 * without waiting between records (the producer pipelines and batches them: acks=all,
 * idempotent), wait for the acknowledgements, then pull from each document the events
 * that were acknowledged, in one bulk write. A crash after sending and before pulling
 * leaves the events in place, so they are sent again (at least once; consumers
 * deduplicate on the CloudEvent id). Per aggregate, events go in order, to one partition
 * (key = aggregate id), and only the acknowledged prefix is removed, so a failed send
 * never lets a later event overtake it.
 * <p>
 * This class is the loop (which aggregates, when, how often, the metrics);
 * {@link OutboxStore} is its MongoDB side and {@link OutboxPublisher} sends the events
 * and tells their outcome.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** How long an aggregate whose send failed waits before the next try. */
	static final Duration FAILURE_BACKOFF = Duration.ofSeconds(2);

	/** How often the hot path looks at its failed aggregates while nothing is written. */
	private static final Duration RETRY_CHECK = Duration.ofMillis(200);

	private final OutboxStore store;

	private final OutboxPublisher publisher;

	private final OutboxProperties properties;

	private final List<OutboxSource> sources;

	private final Clock clock;

	private final Counter published;

	private final Counter failed;

	private final Counter parked;

	private final OutboxWakeups wakeups;

	/** Aggregates whose send failed, to try again after the back-off. */
	private final Queue<Retry> retries = new ConcurrentLinkedQueue<>();

	private final PeriodicWork sweep;

	private volatile boolean running;

	private volatile boolean paused;

	private @Nullable Thread immediate;

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
			List<OutboxSource> sources, Clock clock, MeterRegistry meters) {
		this(mongo, kafka, properties, sources, new OutboxWakeups(), Traces.NONE, clock, meters);
	}

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
			List<OutboxSource> sources, OutboxWakeups wakeups, Traces tracing, Clock clock, MeterRegistry meters) {
		this(new OutboxStore(mongo), new OutboxPublisher(kafka, tracing), properties, sources, wakeups, clock, meters);
	}

	OutboxRelay(OutboxStore store, OutboxPublisher publisher, OutboxProperties properties, List<OutboxSource> sources,
			OutboxWakeups wakeups, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.publisher = publisher;
		this.wakeups = wakeups;
		this.properties = properties;
		this.sources = List.copyOf(sources);
		this.clock = clock;
		this.published = Counter.builder("decoop.outbox.published")
			.description("Events published by the outbox relay")
			.register(meters);
		this.failed = Counter.builder("decoop.outbox.failed")
			.description("Outbox events whose send failed (they are retried)")
			.register(meters);
		this.parked = Counter.builder("decoop.outbox.parked")
			.description("Outbox events the broker refused for good (too large, invalid), parked in their document")
			.register(meters);
		this.sweep = new PeriodicWork("outbox-sweep", Duration.ZERO, properties.sweepInterval(),
				properties.sendTimeout(), this::drain);
	}

	/**
	 * Runs one sweep over every source: relays every aggregate that has events waiting
	 * and is not claimed by another relay.
	 * @return how many events were published (or parked) and removed from their documents
	 */
	public int relayOnce() {
		if (paused) {
			return 0;
		}
		int count = 0;
		for (OutboxSource source : sources) {
			count += relay(source, store.waiting(source.collection(), properties.batchSize()));
		}
		return count;
	}

	/** Relays the aggregates the writers just named. */
	int relayWritten(List<OutboxWakeups.Written> written) {
		Map<String, List<Object>> byCollection = new LinkedHashMap<>();
		written
			.forEach(entry -> byCollection.computeIfAbsent(entry.collection(), c -> new ArrayList<>()).add(entry.id()));
		int count = 0;
		for (OutboxSource source : sources) {
			List<Object> ids = byCollection.get(source.collection());
			if (ids != null) {
				count += relay(source, ids.stream().distinct().toList());
			}
		}
		return count;
	}

	private int relay(OutboxSource source, List<Object> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		Instant now = clock.instant();
		OutboxStore.Claim claim = store.claim(source.collection(), ids, now, now.plus(properties.claimDuration()));
		if (claim.ids().isEmpty()) {
			return 0;
		}
		List<OutboxPublisher.Sending> sending = new ArrayList<>(claim.ids().size());
		store.pending(claim).forEach((id, events) -> sending.add(publisher.send(source, id, events)));
		publisher.flush();
		// One deadline for the whole batch, well inside the claim.
		long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
		int count = 0;
		Map<Object, List<String>> sent = new LinkedHashMap<>();
		List<Object> done = new ArrayList<>();
		List<Object> retry = new ArrayList<>();
		for (OutboxPublisher.Sending aggregate : sending) {
			OutboxPublisher.Outcome outcome = aggregate.outcome(deadline);
			// Sending them again would fail again, forever: they are set aside with the
			// reason, and
			// the aggregate's other events go on.
			outcome.refused().forEach((event, reason) -> park(source, aggregate.id(), event, reason));
			sent.put(aggregate.id(), outcome.acknowledged());
			(outcome.complete() ? done : retry).add(aggregate.id());
			published.increment(outcome.acknowledged().size());
			failed.increment(outcome.failed());
			count += outcome.acknowledged().size() + outcome.refused().size();
		}
		store.markSent(source.collection(), sent);
		// claimed, but gone or without events by now: nothing to send
		claim.ids().stream().filter(id -> !sent.containsKey(id)).forEach(done::add);
		store.release(claim, done);
		Instant retryAt = clock.instant().plus(FAILURE_BACKOFF);
		store.backOff(claim, retry, retryAt);
		retry.forEach(id -> retries.add(new Retry(retryAt, new OutboxWakeups.Written(source.collection(), id))));
		return count;
	}

	private void park(OutboxSource source, Object id, OutboxEvent event, String reason) {
		log.error("Event {} ({}) of aggregate {} was refused by the broker for good and is parked in {}.{}: {}",
				event.eventId(), event.type(), id, source.collection(), OutboxDocument.PARKED, reason);
		store.park(source.collection(), id, event, reason, clock.instant());
		parked.increment();
	}

	@Override
	public void start() {
		sources.forEach(source -> store.ensureIndex(source.collection()));
		running = true;
		immediate = Thread.ofPlatform().name("outbox-relay").start(this::relayWhatIsWritten);
		sweep.start();
	}

	/**
	 * The hot path: relays what the writers of this instance name, as soon as they name
	 * it.
	 */
	private void relayWhatIsWritten() {
		while (running) {
			List<OutboxWakeups.Written> written = List.of();
			try {
				if (paused) {
					LockSupport.parkNanos(RETRY_CHECK.toNanos());
					continue;
				}
				retryDue();
				written = wakeups.take(properties.batchSize(), RETRY_CHECK);
				if (paused) {
					// paused while waiting: these wait for the resume
					Instant now = clock.instant();
					written.forEach(entry -> retries.add(new Retry(now, entry)));
				}
				else if (!written.isEmpty()) {
					relayWritten(written);
				}
			}
			catch (InterruptedException stopping) {
				return;
			}
			catch (RuntimeException e) {
				log.warn("Relaying failed; trying again in {}: {}", FAILURE_BACKOFF, e.toString());
				Instant later = clock.instant().plus(FAILURE_BACKOFF);
				written.forEach(entry -> retries.add(new Retry(later, entry)));
			}
		}
	}

	private void retryDue() {
		Instant now = clock.instant();
		retries.removeIf(retry -> {
			if (retry.at().isAfter(now)) {
				return false;
			}
			wakeups.written(retry.written().collection(), retry.written().id());
			return true;
		});
	}

	/** An aggregate to name to the relay again at {@code at}. */
	private record Retry(Instant at, OutboxWakeups.Written written) {
	}

	/** Drains without pausing while there is a backlog; pauses only when idle. */
	private void drain() {
		while (running && relayOnce() > 0) {
			// next pass
		}
	}

	/** Stops publishing until {@link #resume()}: events wait in the outbox meanwhile. */
	public void pause() {
		paused = true;
		log.info("Outbox relay paused: events wait in the outbox until it resumes");
	}

	public void resume() {
		paused = false;
		log.info("Outbox relay resumed");
	}

	public boolean isPaused() {
		return paused;
	}

	@Override
	public void stop() {
		running = false;
		if (immediate != null) {
			immediate.interrupt();
			try {
				immediate.join(properties.sendTimeout().toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		sweep.stop();
	}

	@Override
	public boolean isRunning() {
		return sweep.isRunning();
	}

}
