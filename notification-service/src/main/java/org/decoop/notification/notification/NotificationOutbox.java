package org.decoop.notification.notification;

import org.decoop.events.Sources;
import org.decoop.events.Topics;
import org.decoop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * NotificationDeliveryFailed waits in the notification documents; the platform's relay
 * publishes it.
 */
@Configuration(proxyBeanMethods = false)
class NotificationOutbox {

	@Bean
	OutboxSource notificationEventsSource() {
		return new OutboxSource(NotificationDocument.COLLECTION, Topics.NOTIFICATION_EVENTS,
				Sources.NOTIFICATION_SERVICE);
	}

}
