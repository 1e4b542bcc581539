package org.decoop.notification.notification.domain;

import java.util.Objects;

import org.decoop.platform.domain.AggregateId;

/**
 * The id of a webhook or e-mail delivery: its notification's, stable across redeliveries
 * of the event.
 */
public record DeliveryId(String value) implements AggregateId {

	public DeliveryId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value;
	}
}
