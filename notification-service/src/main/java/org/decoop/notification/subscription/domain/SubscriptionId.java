package org.decoop.notification.subscription.domain;

/** Opaque id of a subscription; also the Kafka key of its events. */
public record SubscriptionId(String value) {

	@Override
	public String toString() {
		return value;
	}
}
