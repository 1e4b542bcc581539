package org.decoop.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.decoop.platform.scheduling.PeriodicWork;
import org.decoop.platform.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import com.mongodb.ReadConcern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import java.util.Objects;

/**
 * Publishes the events waiting in aggregate documents, then removes them from the documents.
 * <p>
 * The writer tells the relay in process which aggregate it just wrote ({@link OutboxWakeups}), so
 * events go out at once, found by id; a slow sweep (a query for documents with pending events)
 * catches what a crash or another instance left behind. Either way, for a batch of aggregates:
 * claim them in {@code outbox_claims} (an insert per aggregate, so two relays never relay the
 * same one at once; a claim left by a crash is taken over once it has run out), read them by id,
 * send all their events without waiting between records (the producer pipelines and batches
 * them: acks=all, idempotent), wait for the acknowledgements, then pull from each document the
 * events that were acknowledged, in one bulk write. A crash after sending and before pulling
 * leaves the events in place, so they are sent again (at least once; consumers deduplicate on the
 * CloudEvent id). Per aggregate, events go in order, to one partition (key = aggregate id), and
 * only the acknowledged prefix is removed, so a failed send never lets a later event overtake it.
 * <p>
 * The relay reads with majority read concern: what it publishes is acknowledged by a majority of
 * the replica set and survives a failover or a crash (never a phantom event for a rolled-back write).
 * <p>
 * Every query on the hot path names a document by id only: mongo-java-server, the embedded store,
 * answers only such queries from an index and scans the collection for any other.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** How long an aggregate whose send failed waits before the next try. */
    static final Duration FAILURE_BACKOFF = Duration.ofSeconds(2);
    /** How often the hot path looks at its failed aggregates while nothing is written. */
    private static final Duration RETRY_CHECK = Duration.ofMillis(200);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final List<OutboxSource> sources;
    private final Clock clock;
    private final Counter published;
    private final Counter failed;
    private final Counter parked;
    private final OutboxWakeups wakeups;
    private final OutboxClaims claims;
    private final Traces tracing;
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
        this.mongo = mongo;
        this.wakeups = wakeups;
        this.tracing = tracing;
        this.claims = new OutboxClaims(mongo);
        this.kafka = kafka;
        this.properties = properties;
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.published = Counter.builder("decoop.outbox.published").description("Events published by the outbox relay").register(meters);
        this.failed = Counter.builder("decoop.outbox.failed").description("Outbox events whose send failed (they are retried)").register(meters);
        this.parked = Counter.builder("decoop.outbox.parked")
                .description("Outbox events the broker refused for good (too large, invalid), parked in their document").register(meters);
        this.sweep = new PeriodicWork("outbox-sweep", Duration.ZERO, properties.sweepInterval(), properties.sendTimeout(), this::drain);
    }

    /**
     * Runs one sweep over every source: relays every aggregate that has events waiting and is not
     * claimed by another relay.
     *
     * @return how many events were published (or parked) and removed from their documents
     */
    public int relayOnce() {
        if (paused) {
            return 0;
        }
        int count = 0;
        for (OutboxSource source : sources) {
            count += relay(source, waiting(source));
        }
        return count;
    }

    /** Relays the aggregates the writers just named. */
    int relayWritten(List<OutboxWakeups.Written> written) {
        Map<String, List<Object>> byCollection = new LinkedHashMap<>();
        written.forEach(entry -> byCollection.computeIfAbsent(entry.collection(), c -> new ArrayList<>()).add(entry.id()));
        int count = 0;
        for (OutboxSource source : sources) {
            List<Object> ids = byCollection.get(source.collection());
            if (ids != null) {
                count += relay(source, ids.stream().distinct().toList());
            }
        }
        return count;
    }

    /** Ids of aggregates with events waiting: the sweep's query, the only one that is not by id. */
    private List<Object> waiting(OutboxSource source) {
        // "Has an outbox entry" asked through the sparse index on outbox.eventId (on MongoDB).
        Query query = Query.query(Criteria.where(OutboxDocument.OUTBOX + ".eventId").exists(true)).limit(properties.batchSize())
                .withReadConcern(ReadConcern.MAJORITY);
        query.fields().include("_id");
        return mongo.find(query, Document.class, source.collection()).stream().map(document -> document.get("_id")).toList();
    }

    private int relay(OutboxSource source, List<Object> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Date claim = Date.from(now.plus(properties.claimDuration()));
        List<Object> claimedIds = claims.claim(source.collection(), ids, claim, now);
        if (claimedIds.isEmpty()) {
            return 0;
        }
        // majority: an event goes out only once its write is on a majority of the replica set (it cannot roll back)
        Query claimed = Query.query(Criteria.where("_id").in(claimedIds)).withReadConcern(ReadConcern.MAJORITY);
        claimed.fields().include(OutboxDocument.OUTBOX);
        List<PendingAggregate> sending = new ArrayList<>(claimedIds.size());
        Set<Object> found = new HashSet<>();
        for (Document document : mongo.find(claimed, Document.class, source.collection())) {
            found.add(document.get("_id"));
            List<OutboxEvent> events = outboxOf(document);
            List<CompletableFuture<SendResult<String, byte[]>>> acks = events.stream()
                    .map(event -> tracing.inTraceOf(event.traceparent(), "outbox relay " + source.topic(),
                            () -> send(CloudEventRecords.toRecord(event, source.topic(), source.source()))))
                    .toList();
            // every MongoDB document has an _id
            sending.add(new PendingAggregate(Objects.requireNonNull(document.get("_id")), events, acks));
        }
        kafka.flush();
        // One deadline for the whole batch, well inside the claim.
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        int count = 0;
        Map<Object, List<String>> sent = new LinkedHashMap<>();
        List<Object> done = new ArrayList<>();
        List<Object> retry = new ArrayList<>();
        for (PendingAggregate aggregate : sending) {
            Outcome outcome = aggregate.outcome(deadline);
            // Sending them again would fail again, forever: they are set aside with the reason, and
            // the aggregate's other events go on.
            outcome.refused().forEach((event, reason) -> park(source, aggregate.id(), event, reason));
            sent.put(aggregate.id(), outcome.acknowledged());
            boolean complete = outcome.acknowledged().size() + outcome.refused().size() == aggregate.events().size();
            (complete ? done : retry).add(aggregate.id());
            published.increment(outcome.acknowledged().size());
            failed.increment(aggregate.events().size() - outcome.acknowledged().size() - outcome.refused().size());
            count += outcome.acknowledged().size() + outcome.refused().size();
        }
        markSent(source, sent);
        // claimed, but gone or without events by now: nothing to send
        claimedIds.stream().filter(id -> !found.contains(id)).forEach(done::add);
        claims.release(source.collection(), done, claim);
        Instant retryAt = clock.instant().plus(FAILURE_BACKOFF);
        claims.extend(source.collection(), retry, claim, Date.from(retryAt));
        retry.forEach(id -> retries.add(new Retry(retryAt, new OutboxWakeups.Written(source.collection(), id))));
        return count;
    }

    /** A send that the producer refuses at once (a record too large, say) is a failed send like any other. */
    private CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
        try {
            return kafka.send(record);
        }
        catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Removes the acknowledged events from their documents, in one bulk write: they are on the topic. */
    private void markSent(OutboxSource source, Map<Object, List<String>> sent) {
        BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, source.collection());
        int pending = 0;
        for (Map.Entry<Object, List<String>> aggregate : sent.entrySet()) {
            if (!aggregate.getValue().isEmpty()) {
                pulls.updateOne(Query.query(Criteria.where("_id").is(aggregate.getKey())), new Update().pull(OutboxDocument.OUTBOX,
                        new Document("eventId", new Document("$in", aggregate.getValue()))));
                pending++;
            }
        }
        if (pending > 0) {
            pulls.execute();
        }
    }

    /** Moves a refused event from the outbox to {@code outboxParked}, with the reason, for an operator to see. */
    private void park(OutboxSource source, Object id, OutboxEvent event, String reason) {
        log.error("Event {} ({}) of aggregate {} was refused by the broker for good and is parked in {}.{}: {}",
                event.eventId(), event.type(), id, source.collection(), OutboxDocument.PARKED, reason);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .pull(OutboxDocument.OUTBOX, new Document("eventId", event.eventId()))
                .push(OutboxDocument.PARKED, new Document("eventId", event.eventId()).append("type", event.type())
                        .append("subject", event.subject()).append("time", Date.from(event.time())).append("data", event.data())
                        .append("authType", event.authType()).append("authId", event.authId())
                        .append("reason", reason).append("parkedAt", Date.from(clock.instant()))),
                source.collection());
        parked.increment();
    }

    /** Failures that sending again cannot cure: the record itself is unacceptable. */
    static boolean refusedForGood(@Nullable Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException || cause instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private static List<OutboxEvent> outboxOf(Document document) {
        return document.getList(OutboxDocument.OUTBOX, Document.class).stream()
                .map(entry -> new OutboxEvent(
                        entry.getString("eventId"),
                        entry.getString("type"),
                        entry.getString("subject"),
                        entry.getDate("time").toInstant(),
                        entry.getString("data"),
                        entry.getString("authType"),
                        entry.getString("authId"),
                        entry.getString("traceparent")))
                .toList();
    }

    private record PendingAggregate(Object id, List<OutboxEvent> events,
            List<CompletableFuture<SendResult<String, byte[]>>> acks) {

        /**
         * The events acknowledged, in order, up to the first that was not and may be next time;
         * those refused for good on the way are set apart.
         */
        Outcome outcome(long deadlineNanos) {
            List<String> acknowledged = new ArrayList<>();
            Map<OutboxEvent, String> refused = new LinkedHashMap<>();
            for (int i = 0; i < events.size(); i++) {
                try {
                    acks.get(i).get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged.add(events.get(i).eventId());
                }
                catch (ExecutionException e) {
                    if (refusedForGood(e.getCause())) {
                        refused.put(events.get(i), NestedExceptionUtils.getMostSpecificCause(e).getMessage());
                        continue;
                    }
                    log.warn("Event {} of aggregate {} was not acknowledged; it will be sent again: {}",
                            events.get(i).eventId(), id, e.getMessage());
                    break;
                }
                catch (TimeoutException e) {
                    log.warn("Event {} of aggregate {} was not acknowledged in time; it will be sent again",
                            events.get(i).eventId(), id);
                    break;
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return new Outcome(acknowledged, refused);
        }
    }

    /** What came of sending an aggregate's events: those acknowledged, and those refused for good, with why. */
    private record Outcome(List<String> acknowledged, Map<OutboxEvent, String> refused) {
    }

    @Override
    public void start() {
        for (OutboxSource source : sources) {
            mongo.indexOps(source.collection())
                    .createIndex(new Index().on(OutboxDocument.OUTBOX + ".eventId", Sort.Direction.ASC).sparse());
        }
        running = true;
        immediate = Thread.ofPlatform().name("outbox-relay").start(this::relayWhatIsWritten);
        sweep.start();
    }

    /** The hot path: relays what the writers of this instance name, as soon as they name it. */
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
