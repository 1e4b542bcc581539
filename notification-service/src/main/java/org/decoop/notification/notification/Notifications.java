package org.decoop.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.decoop.events.Channel;
import org.decoop.notification.notification.domain.DeliveryId;
import org.decoop.notification.notification.domain.DeliveryStatus;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.platform.mongo.MongoPages;
import org.decoop.platform.StartupWork;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The stored notifications: inbox entries and deliveries, with their attempts. It keeps
 * the documents; other features read {@link Notification}s from it
 * ({@link NotificationRecorder} records them).
 */
@NamedInterface("api")
@Component
public class Notifications extends StartupWork {

	private static final String COUNTERS = "notification_counters";
	static final String UNUSED_SEQS = "notification_unused_seqs";
	static final String UNUSED_SEQS_INDEX = "by_subscription_seq";
	static final Duration UNUSED_SEQS_KEPT = Duration.ofDays(1);

	private final MongoTemplate mongo;

	private final Deliveries deliveries;

	private final Clock clock;

	Notifications(MongoTemplate mongo, Deliveries deliveries, Clock clock) {
		this.mongo = mongo;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	/**
	 * A stream asks for the unused numbers of its subscription after the last it sent;
	 * they are of use to streams open now or resumed soon, not for ever. The delivery
	 * queue is read by due time.
	 */
	@Override
	protected void setUp() {
		mongo.indexOps(UNUSED_SEQS)
			.createIndex(new Index().on("subscriptionId", Sort.Direction.ASC)
				.on("seq", Sort.Direction.ASC)
				.unique()
				.named(UNUSED_SEQS_INDEX));
		mongo.indexOps(UNUSED_SEQS)
			.createIndex(new Index("createdAt", Sort.Direction.ASC).expire(UNUSED_SEQS_KEPT).named("expiry"));
		mongo.indexOps(Deliveries.QUEUE).createIndex(new Index(Deliveries.DUE_AT, Sort.Direction.ASC));
	}

	/**
	 * The id of the notification of one event for one subscription: the same on every
	 * redelivery.
	 */
	public static String idOf(String subscriptionId, String eventId) {
		return UUID.nameUUIDFromBytes((subscriptionId + ":" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * Stores the notification of one event for each of {@code subscriptions} in one
	 * write, due for delivery at once when it is a webhook or e-mail one. A digest
	 * subscription's notification is only stored: the digest e-mail of its period lists
	 * it (see {@link #storedBetween}).
	 * @return those stored now: those already stored (a redelivered event) are not
	 */
	List<NotificationStored> record(List<Subscription> subscriptions, NewNotification event) {
		Instant now = clock.instant();
		List<NotificationDocument> documents = new ArrayList<>(subscriptions.size());
		for (Subscription subscription : subscriptions) {
			NotificationDocument document = new NotificationDocument(idOf(subscription.id().value(), event.eventId()));
			document.subscriptionId = subscription.id().value();
			document.seq = nextSeq(subscription.id().value());
			document.eventId = event.eventId();
			document.eventType = event.eventType();
			document.subject = event.subject();
			document.message = event.summary();
			document.occurredAt = event.occurredAt();
			document.createdAt = now;
			document.cloudEvent = subscription.channel() == Channel.WEBHOOK ? event.cloudEventFor(subscription)
					: event.cloudEvent();
			document.traceparent = event.traceparent();
			document.channel = subscription.channel();
			document.target = subscription.target();
			document.status = subscription.channel() == Channel.INBOX || subscription.isDigest() ? DeliveryStatus.STORED
					: DeliveryStatus.PENDING;
			document.nextAttemptAt = document.status == DeliveryStatus.PENDING ? now : null;
			documents.add(document);
		}
		Set<Integer> alreadyStored = insertAll(documents);
		List<NotificationStored> stored = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			NotificationDocument document = documents.get(i);
			if (alreadyStored.contains(i)) {
				// Its sequence number will never be stored: say so, so that streams do
				// not wait for it.
				mongo.save(new Document("_id", document.subscriptionId + ":" + document.seq)
					.append("subscriptionId", document.subscriptionId)
					.append("seq", document.seq)
					.append("createdAt", Date.from(now)), UNUSED_SEQS);
				if (document.status == DeliveryStatus.PENDING && stillPending(document.getId())) {
					// the first attempt may have stored it and failed before queueing it:
					// queue it now, unless it is queued
					deliveries.enqueueIfAbsent(new DeliveryId(document.getId()), now);
				}
				continue;
			}
			if (document.status == DeliveryStatus.PENDING) {
				deliveries.enqueueNew(new DeliveryId(document.getId()), now);
			}
			stored.add(new NotificationStored(document.subscriptionId, document.seq));
		}
		return stored;
	}

	/**
	 * Inserts the documents in one unordered bulk write and answers the positions of
	 * those already stored. A redelivered event is rare: rather than a lookup before
	 * every insert, its insert fails on the duplicate id.
	 */
	private Set<Integer> insertAll(List<NotificationDocument> documents) {
		try {
			mongo.bulkOps(BulkMode.UNORDERED, NotificationDocument.class).insert(documents).execute();
			return Set.of();
		}
		catch (BulkOperationException failed) {
			Set<Integer> duplicates = new HashSet<>();
			for (BulkWriteError error : failed.getErrors()) {
				if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw failed;
				}
				duplicates.add(error.getIndex());
			}
			return duplicates;
		}
	}

	private boolean stillPending(String id) {
		return mongo.exists(Query.query(Criteria.where("_id").is(id).and("status").is(DeliveryStatus.PENDING)),
				NotificationDocument.class);
	}

	/** A subscription's notification, found by id. */
	public Optional<Notification> byId(String subscriptionId, String id) {
		return Optional.ofNullable(mongo.findById(id, NotificationDocument.class))
			.filter(notification -> subscriptionId.equals(notification.subscriptionId))
			.map(NotificationDocument::toNotification);
	}

	/** A subscription's notifications, newest first. */
	public Page<Notification> newestFirst(String subscriptionId, int page, int size) {
		Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId);
		PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "seq"));
		return MongoPages.find(mongo, criteria, pageable, NotificationDocument.class)
			.map(NotificationDocument::toNotification);
	}

	/** A subscription's webhook or e-mail deliveries, newest first. */
	public Page<Notification> deliveries(String subscriptionId, int page, int size) {
		Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId).and("status").ne(DeliveryStatus.STORED);
		PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "seq"));
		return MongoPages.find(mongo, criteria, pageable, NotificationDocument.class)
			.map(NotificationDocument::toNotification);
	}

	/**
	 * Up to {@code limit} of a subscription's notifications stored in [{@code from},
	 * {@code to}), oldest first: what a digest of that period lists, read in that order
	 * from the {@code digest_period_seq} index (no sort in memory).
	 */
	public List<Notification> storedBetween(String subscriptionId, Instant from, Instant to, int limit) {
		return mongo
			.find(storedBetween(subscriptionId, from, to).with(Sort.by("createdAt", "seq")).limit(limit),
					NotificationDocument.class)
			.stream()
			.map(NotificationDocument::toNotification)
			.toList();
	}

	/**
	 * How many of a subscription's notifications were stored in [{@code from},
	 * {@code to}).
	 */
	public long countStoredBetween(String subscriptionId, Instant from, Instant to) {
		return mongo.count(storedBetween(subscriptionId, from, to), NotificationDocument.class);
	}

	private static Query storedBetween(String subscriptionId, Instant from, Instant to) {
		return Query.query(Criteria.where("subscriptionId").is(subscriptionId).and("createdAt").gte(from).lt(to));
	}

	/**
	 * The notifications stored after {@code seq}, oldest first: what a stream has not
	 * sent yet. Two events for one subscription can take their sequence numbers in one
	 * order and be stored in the other (a slow insert, two instances): the stream, not
	 * this query, waits for a missing number (see {@link #unusedSeqs}). The numbers after
	 * {@code seq} up to {@code seq + limit}, in one range read along {@code inbox_seq}.
	 */
	public List<Notification> after(String subscriptionId, long seq, int limit) {
		Query next = Query
			.query(Criteria.where("subscriptionId").is(subscriptionId).and("seq").gt(seq).lte(seq + limit))
			.with(Sort.by("seq"));
		return mongo.find(next, NotificationDocument.class).stream().map(NotificationDocument::toNotification).toList();
	}

	/**
	 * Sequence numbers after {@code seq} that were taken but will never be stored (a
	 * redelivered event lost the race).
	 */
	public Set<Long> unusedSeqs(String subscriptionId, long seq) {
		return mongo
			.find(Query.query(Criteria.where("subscriptionId").is(subscriptionId).and("seq").gt(seq)), Document.class,
					UNUSED_SEQS)
			.stream()
			.map(Notifications::seqOf)
			.collect(Collectors.toSet());
	}

	/**
	 * The newest sequence number of each of {@code subscriptionIds} that has one, in ONE
	 * read by {@code _id} of the counters: how the open streams of an instance learn, on
	 * each tick, which of them have something new, whichever instance stored it. A number
	 * is taken before its notification is stored: a stream may find it missing for a
	 * moment.
	 */
	public Map<String, Long> lastSeqs(Collection<String> subscriptionIds) {
		if (subscriptionIds.isEmpty()) {
			return Map.of();
		}
		Query counters = Query.query(Criteria.where("_id").in(subscriptionIds));
		return mongo.find(counters, Document.class, COUNTERS)
			.stream()
			.collect(Collectors.toMap(counter -> counter.getString("_id"), Notifications::seqOf));
	}

	/** The newest sequence number of a subscription, 0 when it has none. */
	public long lastSeq(String subscriptionId) {
		Document counter = mongo.findById(subscriptionId, Document.class, COUNTERS);
		return counter == null ? 0 : seqOf(counter);
	}

	public Optional<Notification> markRead(String subscriptionId, String id) {
		if (byId(subscriptionId, id).isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.ofNullable(mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), Update.update("read", true),
					FindAndModifyOptions.options().returnNew(true), NotificationDocument.class))
			.map(NotificationDocument::toNotification);
	}

	private long nextSeq(String subscriptionId) {
		Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(subscriptionId)),
				new Update().inc("seq", 1L), FindAndModifyOptions.options().returnNew(true).upsert(true),
				Document.class, COUNTERS);
		// an upsert that answers the new document always answers one
		return seqOf(Objects.requireNonNull(counter, "the upserted counter"));
	}

	private static long seqOf(Document document) {
		Number seq = document.get("seq", Number.class);
		if (seq == null) {
			throw new IllegalStateException("No seq in " + document.get("_id"));
		}
		return seq.longValue();
	}

}
