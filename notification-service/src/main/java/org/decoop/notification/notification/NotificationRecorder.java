package org.decoop.notification.notification;

import java.time.Instant;
import java.util.List;

import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.platform.messaging.IncomingEvent;
import org.decoop.platform.tracing.Traces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records the notifications of an incoming event: builds the webhook body once (the same
 * bytes on every retry), has {@link Notifications} store one notification per
 * subscription, and tells this instance's streams about each one stored
 * ({@link NotificationStored}).
 */
@Component
public class NotificationRecorder {

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Traces traces;

	NotificationRecorder(Notifications notifications, ApplicationEventPublisher events, Traces traces) {
		this.notifications = notifications;
		this.events = events;
		this.traces = traces;
	}

	/**
	 * Records the notification of {@code event} for {@code subscription} (see
	 * {@link #record(List, IncomingEvent, String, Instant)}).
	 * @return false when it was already stored (a redelivered event)
	 */
	public boolean record(Subscription subscription, IncomingEvent event, String summary, Instant occurredAt) {
		return record(List.of(subscription), event, summary, occurredAt) == 1;
	}

	/**
	 * Records the notifications of {@code event} for each of {@code subscriptions} in one
	 * write, due for delivery at once for webhook and e-mail ones; a digest
	 * subscription's is only stored.
	 * @return how many were stored: those already stored (a redelivered event) are not
	 * counted
	 */
	public int record(List<Subscription> subscriptions, IncomingEvent event, String summary, Instant occurredAt) {
		if (subscriptions.isEmpty()) {
			return 0;
		}
		NewNotification notification = new NewNotification(event.id(),
				event.type().substring(event.type().lastIndexOf('.') + 1), event.subject(), summary, occurredAt,
				StructuredCloudEvent.of(event), traces.current().orElse(null));
		List<NotificationStored> stored = notifications.record(subscriptions, notification);
		stored.forEach(events::publishEvent);
		return stored.size();
	}

}
