package org.decoop.notification.notification.domain;

/**
 * Where a notification's delivery stands. Inbox notifications are STORED: being in the
 * inbox is their delivery. Webhook and e-mail ones go PENDING → DELIVERED, or → FAILED
 * when the retries are spent or the receiver answered 410 Gone, or → CANCELLED when their
 * subscription was deleted or disabled meanwhile.
 */
public enum DeliveryStatus {

	STORED, PENDING, DELIVERED, FAILED, CANCELLED

}
