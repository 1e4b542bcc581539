package org.decoop.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.decoop.events.Channel;
import org.decoop.events.notification.NotificationDeliveryFailed;
import org.decoop.notification.NotificationProperties;
import org.decoop.notification.subscription.domain.MaskedTarget;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.platform.messaging.IncomingEvent;
import org.decoop.platform.mongo.MongoPages;
import org.decoop.platform.outbox.EventSerializer;
import org.decoop.platform.outbox.OutboxDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The stored notifications: inbox entries and deliveries, with their attempts. */
@Component
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private static final String COUNTERS = "notification_counters";
    private static final String UNUSED_SEQS = "notification_unused_seqs";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoTemplate mongo;
    private final EventSerializer serializer;
    private final Clock clock;
    private final int attemptsKept;

    @Autowired
    Notifications(MongoTemplate mongo, EventSerializer serializer, Clock clock, NotificationProperties properties) {
        this(mongo, serializer, clock, properties.retrySchedule().size() + 1);
    }

    /** @param attemptsKept how many attempts a delivery's log keeps (the latest): its schedule's, the first included */
    Notifications(MongoTemplate mongo, EventSerializer serializer, Clock clock, int attemptsKept) {
        this.mongo = mongo;
        this.serializer = serializer;
        this.clock = clock;
        this.attemptsKept = attemptsKept;
    }

    /** The id of the notification of one event for one subscription: the same on every redelivery. */
    public static String idOf(String subscriptionId, String eventId) {
        return UUID.nameUUIDFromBytes((subscriptionId + ":" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Stores the notification of {@code event} for {@code subscription}, due for delivery at once
     * when it is a webhook or e-mail one.
     *
     * @return false when it was already stored (a redelivered event)
     */
    public boolean record(Subscription subscription, IncomingEvent event, String summary, Instant occurredAt) {
        String id = idOf(subscription.id().value(), event.id());
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), NotificationDocument.class)) {
            return false;
        }
        Instant now = clock.instant();
        NotificationDocument document = new NotificationDocument(id);
        document.subscriptionId = subscription.id().value();
        document.seq = nextSeq(subscription.id().value());
        document.eventId = event.id();
        document.eventType = event.type().substring(event.type().lastIndexOf('.') + 1);
        document.subject = event.subject();
        document.summary = summary;
        document.occurredAt = occurredAt;
        document.createdAt = now;
        document.cloudEvent = structuredCloudEvent(event);
        document.channel = subscription.channel();
        document.target = subscription.target();
        document.status = subscription.channel() == Channel.INBOX ? DeliveryStatus.STORED : DeliveryStatus.PENDING;
        document.nextAttemptAt = document.status == DeliveryStatus.PENDING ? now : null;
        try {
            mongo.insert(document);
            return true;
        }
        catch (DuplicateKeyException concurrentRedelivery) {
            // Its sequence number will never be stored: say so, so that streams do not wait for it.
            mongo.save(new Document("_id", document.subscriptionId + ":" + document.seq).append("subscriptionId", document.subscriptionId)
                    .append("seq", document.seq), UNUSED_SEQS);
            return false;
        }
    }

    public Optional<NotificationDocument> byId(String subscriptionId, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(id).and("subscriptionId").is(subscriptionId)),
                NotificationDocument.class));
    }

    /** A subscription's notifications, newest first. */
    public Page<NotificationDocument> newestFirst(String subscriptionId, int page, int size) {
        Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId);
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "seq"));
        return MongoPages.find(mongo, criteria, pageable, NotificationDocument.class);
    }

    /** A subscription's webhook or e-mail deliveries, newest first. */
    public Page<NotificationDocument> deliveries(String subscriptionId, int page, int size) {
        Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId).and("status").ne(DeliveryStatus.STORED);
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "seq"));
        return MongoPages.find(mongo, criteria, pageable, NotificationDocument.class);
    }

    /**
     * The notifications stored after {@code seq}, oldest first: what a stream has not sent yet. Two
     * events for one subscription can take their sequence numbers in one order and be stored in
     * the other (a slow insert, two instances): the stream, not this query, waits for a missing
     * number (see {@link #unusedSeqs}).
     */
    public List<NotificationDocument> after(String subscriptionId, long seq, int limit) {
        return mongo.find(Query.query(Criteria.where("subscriptionId").is(subscriptionId).and("seq").gt(seq))
                .with(Sort.by(Sort.Direction.ASC, "seq")).limit(limit), NotificationDocument.class);
    }

    /** Sequence numbers after {@code seq} that were taken but will never be stored (a redelivered event lost the race). */
    public Set<Long> unusedSeqs(String subscriptionId, long seq) {
        return mongo.find(Query.query(Criteria.where("subscriptionId").is(subscriptionId).and("seq").gt(seq)), Document.class, UNUSED_SEQS)
                .stream().map(found -> ((Number) found.get("seq")).longValue()).collect(Collectors.toSet());
    }

    /** The newest sequence number of a subscription, 0 when it has none. */
    public long lastSeq(String subscriptionId) {
        Document counter = mongo.findById(subscriptionId, Document.class, COUNTERS);
        return counter == null ? 0 : ((Number) counter.get("seq")).longValue();
    }

    public Optional<NotificationDocument> markRead(String subscriptionId, String id) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("subscriptionId").is(subscriptionId)),
                Update.update("read", true), FindAndModifyOptions.options().returnNew(true), NotificationDocument.class));
    }

    /** Claims up to {@code limit} due deliveries for this worker until {@code claimUntil}; none is claimed twice. */
    public List<NotificationDocument> claimDue(int limit, Instant claimUntil) {
        Instant now = clock.instant();
        Criteria due = Criteria.where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now)
                .orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(now));
        List<NotificationDocument> claimed = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            NotificationDocument document = mongo.findAndModify(Query.query(due).with(Sort.by("nextAttemptAt")),
                    Update.update("claimedUntil", claimUntil), FindAndModifyOptions.options().returnNew(true),
                    NotificationDocument.class);
            if (document == null) {
                break;
            }
            claimed.add(document);
        }
        return claimed;
    }

    public void delivered(NotificationDocument delivery, NotificationDocument.Attempt attempt) {
        finish(delivery, attempt, new Update().set("status", DeliveryStatus.DELIVERED).set("deliveredAt", attempt.at()));
    }

    /** A failed attempt with another one due at {@code nextAttemptAt}. */
    public void retryAt(NotificationDocument delivery, NotificationDocument.Attempt attempt, Instant nextAttemptAt) {
        finish(delivery, attempt, new Update().set("nextAttemptAt", nextAttemptAt));
    }

    /**
     * A delivery that has failed for good. The first time its retries are spent, the same write
     * puts NotificationDeliveryFailed in the outbox; a failed manual retry publishes nothing more.
     */
    public void failed(NotificationDocument delivery, NotificationDocument.Attempt attempt, boolean retriesSpent) {
        Update update = new Update().set("status", DeliveryStatus.FAILED).unset("nextAttemptAt");
        if (retriesSpent && !delivery.failurePublished) {
            update.set("failurePublished", true).push(OutboxDocument.OUTBOX, serializer.toOutbox(new NotificationDeliveryFailed(
                    delivery.subscriptionId, delivery.getId(), delivery.eventId, delivery.eventType, delivery.channel,
                    MaskedTarget.of(delivery.channel, delivery.target), delivery.attemptCount + 1, attempt.error() != null ? attempt.error()
                            : "HTTP " + attempt.statusCode(), attempt.at())));
        }
        finish(delivery, attempt, update);
    }

    /** The subscription is gone or disabled: nothing more to deliver. */
    public void cancelled(NotificationDocument delivery, String reason) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.getId())),
                new Update().set("status", DeliveryStatus.CANCELLED).unset("nextAttemptAt").unset("claimedUntil")
                        .push("attempts").slice(-attemptsKept).each(new NotificationDocument.Attempt(clock.instant(), null, reason, 0)),
                NotificationDocument.class);
    }

    /**
     * Makes a delivery due again at once (a manual retry): a FAILED one gets one more attempt, a
     * PENDING one has its next attempt brought forward; a DELIVERED one is done. Not while an
     * attempt is being made.
     */
    public Optional<NotificationDocument> retryNow(String subscriptionId, String id) {
        Instant now = clock.instant();
        Query retriable = Query.query(Criteria.where("_id").is(id).and("subscriptionId").is(subscriptionId)
                .and("status").in(DeliveryStatus.FAILED, DeliveryStatus.PENDING)
                .orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(now)));
        return Optional.ofNullable(mongo.findAndModify(retriable,
                new Update().set("status", DeliveryStatus.PENDING).set("nextAttemptAt", now).set("manual", true),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class));
    }

    /**
     * Records an attempt, only while the worker that made it still holds its claim: if the claim
     * ran out and another worker took the delivery over, that worker's result stands, and a late
     * writer can never turn a DELIVERED delivery into a FAILED one.
     *
     * @return whether the attempt was recorded
     */
    private boolean finish(NotificationDocument delivery, NotificationDocument.Attempt attempt, Update update) {
        // the log keeps the latest attempts only; attemptCount keeps counting them all; an attempt
        // asked for by hand does not count against the schedule
        update.push("attempts").slice(-attemptsKept).each(attempt);
        update.inc("attemptCount", 1).unset("claimedUntil").set("manual", false);
        update.set("scheduledAttempts", delivery.scheduledAttempts() + (delivery.manual() ? 0 : 1));
        Query stillClaimed = Query.query(Criteria.where("_id").is(delivery.getId()).and("status").is(DeliveryStatus.PENDING)
                .and("claimedUntil").is(delivery.claimedUntil));
        boolean recorded = mongo.updateFirst(stillClaimed, update, NotificationDocument.class).getModifiedCount() > 0;
        if (!recorded) {
            log.warn("Delivery {}: its claim ran out before the attempt ended; the attempt is not recorded", delivery.getId());
        }
        return recorded;
    }

    private long nextSeq(String subscriptionId) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(subscriptionId)),
                new Update().inc("seq", 1L), FindAndModifyOptions.options().returnNew(true).upsert(true), Document.class, COUNTERS);
        return ((Number) counter.get("seq")).longValue();
    }

    /** The event as a structured-mode CloudEvent, the body webhooks receive ({@code application/cloudevents+json}). */
    private static String structuredCloudEvent(IncomingEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("specversion", "1.0");
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        if (event.subject() != null) {
            node.put("subject", event.subject());
        }
        if (event.time() != null) {
            node.put("time", event.time());
        }
        node.put("datacontenttype", "application/json");
        node.set("data", JSON.readTree(event.data()));
        return JSON.writeValueAsString(node);
    }
}
