package org.decoop.notification.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.decoop.events.Channel;
import org.decoop.notification.notification.domain.Attempt;
import org.decoop.notification.notification.domain.Delivery;
import org.decoop.notification.notification.domain.DeliveryId;
import org.decoop.notification.notification.domain.DeliveryStatus;
import org.decoop.platform.outbox.OutboxDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The delivery part of a {@link NotificationDocument}: the same stored document, seen
 * with its delivery fields only, so saving a {@link Delivery} sets those and leaves the
 * inbox entry (sequence number, summary, read flag, the event) as it is. The notification
 * document extends it with that entry: one set of fields, one stored form.
 */
@Document(NotificationDocument.COLLECTION)
// Spring Data sets the fields of a document it reads; of() sets them for one it writes
@SuppressWarnings("NullAway.Init")
class DeliveryDocument extends OutboxDocument {

	String subscriptionId;

	String eventId;

	String eventType;

	Channel channel;

	@Nullable String target;

	DeliveryStatus status;

	int attemptCount;

	/**
	 * Attempts made by the schedule (absent in older documents: all of them); manual
	 * retries do not count.
	 */
	@Nullable Integer scheduledAttempts;

	/**
	 * The next attempt was asked for by hand: it neither spends nor moves the schedule.
	 */
	boolean manual;

	@Nullable Instant nextAttemptAt;

	@Nullable Instant claimedUntil;

	@Nullable Instant deliveredAt;

	boolean failurePublished;

	List<Attempt> attempts = new ArrayList<>();

	DeliveryDocument() {
	}

	DeliveryDocument(String id, long version) {
		super(id, version);
	}

	static DeliveryDocument of(Delivery delivery) {
		DeliveryDocument document = new DeliveryDocument(delivery.id().value(), delivery.version());
		document.subscriptionId = delivery.subscriptionId();
		document.eventId = delivery.eventId();
		document.eventType = delivery.eventType();
		document.channel = delivery.channel();
		document.target = delivery.target();
		document.status = delivery.status();
		document.attemptCount = delivery.attemptCount();
		document.scheduledAttempts = delivery.scheduledAttempts();
		document.manual = delivery.manual();
		document.nextAttemptAt = delivery.nextAttemptAt().orElse(null);
		document.claimedUntil = delivery.claimedUntil().orElse(null);
		document.deliveredAt = delivery.deliveredAt().orElse(null);
		document.failurePublished = delivery.failurePublished();
		document.attempts = new ArrayList<>(delivery.attempts());
		return document;
	}

	Delivery toDomain() {
		return new Delivery(getVersion(), new DeliveryId(getId()), subscriptionId, eventId, eventType, channel, target,
				status, attemptCount, scheduledAttempts == null ? attemptCount : scheduledAttempts, manual,
				nextAttemptAt, claimedUntil, deliveredAt, failurePublished, attempts);
	}

}
