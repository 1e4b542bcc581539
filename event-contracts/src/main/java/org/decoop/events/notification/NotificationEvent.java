package org.decoop.events.notification;

import org.decoop.events.DecoopEvent;

/** Events of {@code notification-events}, keyed by subscription id. */
public sealed interface NotificationEvent extends DecoopEvent permits NotificationDeliveryFailed {

	String subscriptionId();

	@Override
	default String aggregateId() {
		return subscriptionId();
	}

}
