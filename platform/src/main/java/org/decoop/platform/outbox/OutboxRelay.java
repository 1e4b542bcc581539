package org.decoop.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.decoop.platform.scheduling.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the events waiting in aggregate documents, then removes them from the documents.
 * <p>
 * One pass, per collection: claim up to {@code batchSize} documents that have pending events
 * (a conditional update, so two instances never relay the same aggregate at once), send all
 * their events without waiting between records (the producer pipelines and batches them:
 * acks=all, idempotent), wait for the acknowledgements, then pull from each document the
 * events that were acknowledged. A crash after sending and before pulling leaves the events
 * in place, so they are sent again (at least once; consumers deduplicate on the CloudEvent id).
 * Per aggregate, events go in order, to one partition (key = aggregate id), and only the
 * acknowledged prefix is removed, so a failed send never lets a later event overtake it.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** How long an aggregate whose send failed waits before the next try. */
    static final Duration FAILURE_BACKOFF = Duration.ofSeconds(2);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final List<OutboxSource> sources;
    private final Clock clock;
    private final Counter published;
    private final Counter failed;
    private final Counter parked;
    private final PeriodicWork work;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            List<OutboxSource> sources, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.published = Counter.builder("decoop.outbox.published").description("Events published by the outbox relay").register(meters);
        this.failed = Counter.builder("decoop.outbox.failed").description("Outbox events whose send failed (they are retried)").register(meters);
        this.parked = Counter.builder("decoop.outbox.parked")
                .description("Outbox events the broker refused for good (too large, invalid), parked in their document").register(meters);
        this.work = new PeriodicWork("outbox-relay", Duration.ZERO, properties.pollInterval(), properties.sendTimeout(), this::drain);
    }

    /**
     * Runs one relay pass over every source.
     *
     * @return how many events were published and removed from their documents
     */
    public int relayOnce() {
        int count = 0;
        for (OutboxSource source : sources) {
            count += relay(source);
        }
        return count;
    }

    private int relay(OutboxSource source) {
        Date claim = Date.from(clock.instant().plus(properties.claimDuration()));
        List<Document> claimed = claim(source, claim);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<PendingAggregate> sending = new ArrayList<>(claimed.size());
        for (Document document : claimed) {
            List<OutboxEvent> events = outboxOf(document);
            List<CompletableFuture<SendResult<String, byte[]>>> acks = events.stream()
                    .map(event -> send(CloudEventRecords.toRecord(event, source.topic(), source.source())))
                    .toList();
            sending.add(new PendingAggregate(document.get("_id"), events, acks));
        }
        kafka.flush();
        // One deadline for the whole batch, well inside the claim.
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        int count = 0;
        for (PendingAggregate aggregate : sending) {
            Outcome outcome = aggregate.outcome(deadline);
            List<String> acknowledged = outcome.acknowledged();
            // Sending them again would fail again, forever: they are set aside with the reason, and
            // the aggregate's other events go on.
            outcome.refused().forEach((event, reason) -> park(source, aggregate.id(), event, reason));
            boolean complete = acknowledged.size() + outcome.refused().size() == aggregate.events().size();
            markSent(source, aggregate.id(), acknowledged, claim, complete);
            published.increment(acknowledged.size());
            failed.increment(aggregate.events().size() - acknowledged.size() - outcome.refused().size());
            count += acknowledged.size() + outcome.refused().size();
        }
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

    private List<Document> claim(OutboxSource source, Date claimUntil) {
        Instant now = clock.instant();
        // "Has an outbox entry" asked through the sparse index on outbox.eventId, not by a scan.
        Criteria claimable = Criteria.where(OutboxDocument.OUTBOX + ".eventId").exists(true)
                .orOperator(Criteria.where(OutboxDocument.CLAIMED_UNTIL).is(null),
                        Criteria.where(OutboxDocument.CLAIMED_UNTIL).lt(Date.from(now)));
        Query candidates = Query.query(claimable).limit(properties.batchSize());
        candidates.fields().include("_id");
        List<Document> claimed = new ArrayList<>();
        for (Document candidate : mongo.find(candidates, Document.class, source.collection())) {
            Query stillClaimable = Query.query(Criteria.where("_id").is(candidate.get("_id")).andOperator(claimable));
            Document document = mongo.findAndModify(stillClaimable, Update.update(OutboxDocument.CLAIMED_UNTIL, claimUntil),
                    FindAndModifyOptions.options().returnNew(true), Document.class, source.collection());
            if (document != null) {
                claimed.add(document);
            }
        }
        return claimed;
    }

    /**
     * Removes the acknowledged events (always right: they are on the topic), then ends this pass's
     * claim: released when everything went, else kept a short while as a back-off before the next
     * try. The claim is only touched while it is still this pass's, never another relay's.
     */
    private void markSent(OutboxSource source, Object id, List<String> eventIds, Date claim, boolean complete) {
        if (!eventIds.isEmpty()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().pull(OutboxDocument.OUTBOX, new Document("eventId", new Document("$in", eventIds))),
                    source.collection());
        }
        Update end = complete ? new Update().unset(OutboxDocument.CLAIMED_UNTIL)
                : Update.update(OutboxDocument.CLAIMED_UNTIL, Date.from(clock.instant().plus(FAILURE_BACKOFF)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(OutboxDocument.CLAIMED_UNTIL).is(claim)), end,
                source.collection());
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
    static boolean refusedForGood(Throwable exception) {
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
                        entry.getString("authId")))
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
        work.start();
    }

    /** Drains without pausing while there is a backlog; pauses only when idle. */
    private void drain() {
        while (running && relayOnce() > 0) {
            // next pass
        }
    }

    @Override
    public void stop() {
        running = false;
        work.stop();
    }

    @Override
    public boolean isRunning() {
        return work.isRunning();
    }
}
