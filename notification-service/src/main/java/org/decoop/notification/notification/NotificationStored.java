package org.decoop.notification.notification;

/**
 * A notification was just stored for a subscription: streams of this instance send it now
 * rather than at their next poll.
 */
public record NotificationStored(String subscriptionId, long seq) {
}
