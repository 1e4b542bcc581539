package org.decoop.notification.inbox;

import java.time.Clock;
import java.util.Locale;

import org.decoop.platform.domain.Phrase;
import org.decoop.events.Channel;
import org.decoop.notification.inbox.web.DeliveryResponse;
import org.decoop.notification.inbox.web.NotificationResponse;
import org.decoop.notification.notification.Deliveries;
import org.decoop.notification.notification.Notification;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.notification.domain.Attempt;
import org.decoop.notification.notification.domain.DeliveryId;
import org.decoop.notification.notification.domain.DeliveryStatus;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.security.CurrentCaller;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/subscriptions/{id}")
@Tag(name = "Inbox and deliveries",
		description = "A subscription's notifications, live stream, delivery log and retries")
class InboxController {

	private final Subscriptions subscriptions;

	private final Notifications notifications;

	private final NotificationStreams streams;

	private final Deliveries deliveries;

	private final Clock clock;

	private final Summaries summaries;

	InboxController(Subscriptions subscriptions, Notifications notifications, Deliveries deliveries,
			NotificationStreams streams, Clock clock, Summaries summaries) {
		this.summaries = summaries;
		this.deliveries = deliveries;
		this.clock = clock;
		this.subscriptions = subscriptions;
		this.notifications = notifications;
		this.streams = streams;
	}

	@GetMapping("/notifications")
	@Operation(summary = "The inbox: notifications, newest first, each summary in the reader's Accept-Language")
	PagedModel<NotificationResponse> inbox(@PathVariable String id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, Locale reader, @CurrentCaller Actor caller) {
		requireSubscription(id, caller);
		return new PagedModel<>(notifications.newestFirst(id, page, size)
			.map(notification -> NotificationResponse.of(notification, summaries.of(notification, reader))));
	}

	@PostMapping("/notifications/{notificationId}/read")
	@Operation(summary = "Mark a notification as read")
	NotificationResponse markRead(@PathVariable String id, @PathVariable String notificationId, Locale reader,
			@CurrentCaller Actor caller) {
		requireSubscription(id, caller);
		return notifications.markRead(id, notificationId)
			.map(notification -> NotificationResponse.of(notification, summaries.of(notification, reader)))
			.orElseThrow(() -> new DoesNotExist("Notification", notificationId));
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ApiResponse(responseCode = "200", description = "Server-sent events: id = the notification's sequence number, "
			+ "event = its event type, data = the notification as JSON; a comment at once, then keep-alive comments",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
	@Operation(
			summary = "Server-sent events, one per new notification; reconnect with Last-Event-ID to get what was missed")
	SseEmitter stream(@PathVariable String id,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Locale reader,
			@CurrentCaller Actor caller) {
		requireSubscription(id, caller);
		long after;
		if (lastEventId == null || lastEventId.isBlank()) {
			after = notifications.lastSeq(id);
		}
		else {
			try {
				after = Long.parseLong(lastEventId.strip());
			}
			catch (NumberFormatException e) {
				throw new InvalidValue("Last-Event-ID", Phrase.of("notification.stream.last-event-id"));
			}
		}
		// the language is negotiated once, at connect time: every event of the stream is
		// in it
		return streams.open(id, caller.id(), after, reader);
	}

	@GetMapping("/deliveries")
	@Operation(summary = "The delivery log: every webhook or e-mail delivery with each attempt")
	PagedModel<DeliveryResponse> deliveries(@PathVariable String id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, @CurrentCaller Actor caller) {
		requireSubscription(id, caller);
		return new PagedModel<>(notifications.deliveries(id, page, size).map(DeliveryResponse::of));
	}

	@PostMapping("/deliveries/{deliveryId}/retry")
	@ApiResponse(responseCode = "202", description = "Accepted: the delivery is attempted again shortly",
			useReturnTypeSchema = true)
	@Operation(summary = "Attempt a delivery once more, now")
	ResponseEntity<DeliveryResponse> retry(@PathVariable String id, @PathVariable String deliveryId,
			@CurrentCaller Actor caller) {
		requireSubscription(id, caller);
		Notification delivery = notifications.byId(id, deliveryId)
			// an inbox entry (of an INBOX or a digest subscription) is no delivery
			.filter(found -> found.channel() != Channel.INBOX && found.status() != DeliveryStatus.STORED)
			.orElseThrow(() -> new DoesNotExist("Delivery", deliveryId));
		deliveries.change(new DeliveryId(delivery.id()), ExpectedVersion.any(),
				retried -> retried.retry(clock.instant()));
		return ResponseEntity.accepted().body(DeliveryResponse.of(notifications.byId(id, deliveryId).orElseThrow()));
	}

	/** The caller's own subscription; anyone else's does not exist for them. */
	private void requireSubscription(String id, Actor caller) {
		if (subscriptions.ownedBy(new SubscriptionId(id), caller).isEmpty()) {
			throw new DoesNotExist("Subscription", id);
		}
	}

}
