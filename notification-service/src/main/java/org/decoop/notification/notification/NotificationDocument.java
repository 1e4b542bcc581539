package org.decoop.notification.notification;

import java.time.Instant;

import org.decoop.notification.notification.domain.Summary;
import org.decoop.platform.outbox.Outbox;
import org.decoop.events.Sources;
import org.decoop.events.Topics;
import org.decoop.platform.mongo.RetiredIndexes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one subscription: the inbox entry and, for webhooks and e-mail, its
 * delivery with every attempt (the fields of {@link DeliveryDocument}, its delivery
 * part). Its id derives from (subscription, event id), so a redelivered Kafka record
 * cannot create a second one. When the retries are spent, NotificationDeliveryFailed
 * waits in this same document's outbox, written in the same update as the FAILED status.
 */
@Document(NotificationDocument.COLLECTION)
// NotificationDeliveryFailed waits in it until the platform's relay publishes it
@Outbox(topic = Topics.NOTIFICATION_EVENTS, source = Sources.NOTIFICATION_SERVICE)
@CompoundIndexes({
		// one notification per (subscription, seq): the inbox lists and a stream's
		// catch-up read along it
		@CompoundIndex(name = "inbox_seq", def = "{'subscriptionId': 1, 'seq': -1}", unique = true),
		@CompoundIndex(name = "pending", def = "{'status': 1}"),
		// a digest: the notifications of one subscription stored in a period, in the
		// order listed
		// (createdAt, then seq), read from the index without a sort in memory.
		@CompoundIndex(name = "digest_period_seq", def = "{'subscriptionId': 1, 'createdAt': 1, 'seq': 1}") })
// "inbox": the non-unique {subscriptionId: 1, seq: -1} before inbox_seq (same keys:
// MongoDB refuses both, error 85);
// "digest_period": {subscriptionId, createdAt}, before digest_period_seq
@RetiredIndexes({ "inbox", "digest_period" })
// Spring Data sets the fields of a document it reads; record() sets them for one it
// writes
@SuppressWarnings("NullAway.Init")
class NotificationDocument extends DeliveryDocument {

	static final String COLLECTION = "notifications";

	long seq;

	@Nullable String subject;

	/**
	 * What documents stored before summaries were facts say: an English sentence, shown
	 * as it was written.
	 */
	@Nullable String summary;

	/** What it says, as facts every reader gets in their own language. */
	@Nullable Summary message;

	Instant occurredAt;

	Instant createdAt;

	/** The event as a structured CloudEvent (JSON), exactly as webhooks receive it. */
	String cloudEvent;

	/**
	 * The W3C trace context of the consumer that stored it: its delivery continues that
	 * trace.
	 */
	@Nullable String traceparent;

	boolean read;

	NotificationDocument() {
	}

	/**
	 * A new notification, at version 0 (inserted in bulk, where Spring Data sets no
	 * version).
	 */
	NotificationDocument(String id) {
		super(id, 0L);
	}

	/** What other features read of it. */
	Notification toNotification() {
		return new Notification(getId(), subscriptionId, seq, eventId, eventType, subject, summary, message, occurredAt,
				createdAt, cloudEvent, traceparent, read, channel, target, status, attemptCount, nextAttemptAt,
				deliveredAt, attempts);
	}

}
