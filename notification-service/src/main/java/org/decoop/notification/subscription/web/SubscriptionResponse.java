package org.decoop.notification.subscription.web;

import java.time.Instant;
import java.util.Set;

import org.decoop.events.Channel;
import org.decoop.notification.MaskedTarget;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Filter;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.WebhookSecret;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(String id, String subscriber, Channel channel, String target, Set<String> eventTypes,
		FilterRequest filter, Subscription.Status status, String disabledReason, Instant createdAt, String secret,
		@Schema(description = "EMAIL subscriptions only: NONE, DAILY or WEEKLY") Digest digest,
		@Schema(description = "The language of its e-mails, digests and webhook summaries: en, fr, sr-Cyrl or sr-Latn",
				example = "sr-Latn") String locale) {

	public static SubscriptionResponse of(Subscription subscription, WebhookSecret secret) {
		return of(subscription, secret, false);
	}

	public static SubscriptionResponse of(Subscription subscription, WebhookSecret secret, boolean created) {
		Filter filter = subscription.filter();
		return new SubscriptionResponse(subscription.id().value(), subscription.subscriber(), subscription.channel(),
				// the full target only in the answer to its creation (with the secret);
				// masked afterwards
				secret != null || created
						? subscription.target() : MaskedTarget.of(subscription.channel(), subscription.target()),
				subscription.eventTypes(),
				new FilterRequest(filter.partnershipId(), filter.localAuthorityId(),
						filter.country() == null ? null : filter.country().code(), filter.theme()),
				subscription.status(), subscription.disabledReason(), subscription.createdAt(),
				secret == null ? null : secret.value(),
				subscription.channel() == Channel.EMAIL ? subscription.digest() : null,
				subscription.locale().toLanguageTag());
	}
}
