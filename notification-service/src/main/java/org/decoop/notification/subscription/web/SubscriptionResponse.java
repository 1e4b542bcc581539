package org.decoop.notification.subscription.web;

import java.time.Instant;
import java.util.Set;

import org.decoop.events.Channel;
import org.decoop.notification.MaskedTarget;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Filter;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(String id, String subscriber, Channel channel, @Nullable String target,
		Set<String> eventTypes, FilterRequest filter, Subscription.Status status, @Nullable String disabledReason,
		Instant createdAt, @Nullable String secret,
		@Schema(description = "EMAIL subscriptions only: NONE, DAILY or WEEKLY") @Nullable Digest digest,
		@Schema(description = "The language of its e-mails, digests and webhook summaries: en, fr, sr-Cyrl or sr-Latn",
				example = "sr-Latn") String locale) {

	/** A stored subscription: its target masked, no secret. */
	public static SubscriptionResponse of(Subscription subscription) {
		return of(subscription, null, false);
	}

	/**
	 * The answer to its creation: the full target, and a WEBHOOK subscription's signing
	 * secret (shown this once).
	 */
	public static SubscriptionResponse created(Subscription subscription, @Nullable WebhookSecret secret) {
		return of(subscription, secret, true);
	}

	private static SubscriptionResponse of(Subscription subscription, @Nullable WebhookSecret secret, boolean created) {
		Filter filter = subscription.filter();
		return new SubscriptionResponse(subscription.id().value(), subscription.subscriber(), subscription.channel(),
				// the full target only in the answer to its creation (with the secret);
				// masked afterwards
				created ? subscription.target()
						: MaskedTarget.of(subscription.channel(), subscription.target()).orElse(null),
				subscription.eventTypes(),
				new FilterRequest(filter.partnershipId(), filter.localAuthorityId(),
						filter.country() == null ? null : filter.country().code(), filter.theme()),
				subscription.status(), subscription.disabledReason(), subscription.createdAt(),
				secret == null ? null : secret.value(),
				subscription.channel() == Channel.EMAIL ? subscription.digest() : null,
				subscription.locale().toLanguageTag());
	}
}
