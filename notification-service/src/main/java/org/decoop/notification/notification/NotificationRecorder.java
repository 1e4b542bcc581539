package org.decoop.notification.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.decoop.events.Channel;
import org.decoop.notification.notification.domain.Summary;

import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.platform.messaging.IncomingEvent;
import org.decoop.platform.tracing.Traces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records the notifications of an incoming event: builds the webhook body once per
 * language (the same bytes on every retry), has {@link Notifications} store one
 * notification per subscription, and tells this instance's streams about each one stored
 * ({@link NotificationStored}).
 */
@Component
public class NotificationRecorder {

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Traces traces;

	private final Summaries summaries;

	NotificationRecorder(Notifications notifications, ApplicationEventPublisher events, Traces traces,
			Summaries summaries) {
		this.notifications = notifications;
		this.events = events;
		this.traces = traces;
		this.summaries = summaries;
	}

	/**
	 * Records the notification of {@code event} for {@code subscription} (see
	 * {@link #record(List, IncomingEvent, Summary, Instant)}).
	 * @return false when it was already stored (a redelivered event)
	 */
	public boolean record(Subscription subscription, IncomingEvent event, Summary summary, Instant occurredAt) {
		return record(List.of(subscription), event, summary, occurredAt) == 1;
	}

	/**
	 * Records the notifications of {@code event} for each of {@code subscriptions} in one
	 * write, due for delivery at once for webhook and e-mail ones; a digest
	 * subscription's is only stored.
	 * @return how many were stored: those already stored (a redelivered event) are not
	 * counted
	 */
	public int record(List<Subscription> subscriptions, IncomingEvent event, Summary summary, Instant occurredAt) {
		if (subscriptions.isEmpty()) {
			return 0;
		}
		// a webhook's body, with its summary, is written once per language: the same
		// bytes
		// on every retry
		Map<Locale, String> webhookBodies = subscriptions.stream()
			.filter(subscription -> subscription.channel() == Channel.WEBHOOK)
			.map(Subscription::locale)
			.distinct()
			.collect(Collectors.toMap(Function.identity(),
					locale -> StructuredCloudEvent.of(event, summaries.render(summary, locale))));
		NewNotification notification = new NewNotification(event.id(),
				event.type().substring(event.type().lastIndexOf('.') + 1), event.subject(), summary, occurredAt,
				StructuredCloudEvent.of(event), webhookBodies, traces.current().orElse(null));
		List<NotificationStored> stored = notifications.record(subscriptions, notification);
		stored.forEach(events::publishEvent);
		return stored.size();
	}

}
