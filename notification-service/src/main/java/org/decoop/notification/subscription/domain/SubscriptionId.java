package org.decoop.notification.subscription.domain;

import java.util.Objects;
import java.util.UUID;

/** Opaque id of a subscription; also the Kafka key of its events. */
public record SubscriptionId(String value) {

	public SubscriptionId {
		Objects.requireNonNull(value, "value");
	}

	public static SubscriptionId newId() {
		return new SubscriptionId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return value;
	}
}
