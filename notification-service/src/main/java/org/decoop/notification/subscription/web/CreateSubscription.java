package org.decoop.notification.subscription.web;

import java.util.List;

import org.decoop.events.Channel;
import org.decoop.notification.subscription.domain.Digest;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"subscriber": "SKGO coordinator", "channel": "WEBHOOK", "target": "https://skgo.example/decoop-webhook",
		 "eventTypes": ["PlanSigned", "PartnershipReactivated"], "filter": {"country": "RS"}}""")
/**
 * {@code subscriber}: a label for people (default: the caller's name); the owner is the
 * caller. {@code digest}: EMAIL only; DAILY or WEEKLY sends one e-mail per period instead
 * of one per notification. {@code locale}: the language its e-mails, digests and webhook
 * summaries are written in (default: the creator's {@code Accept-Language}).
 */
public record CreateSubscription(@Size(max = 200) @Nullable String subscriber, @NotNull Channel channel,
		@Size(max = 2000) @Nullable String target, @Size(max = 20) @Nullable List<@NotBlank String> eventTypes,
		@Valid @Nullable FilterRequest filter,
		@Schema(description = "EMAIL only: NONE (one e-mail per notification, the default), DAILY or WEEKLY (one e-mail "
				+ "per period listing its notifications, sent at the configured local time)") @Nullable Digest digest,
		@Size(max = 35) @Schema(
				description = "en, fr, sr-Cyrl or sr-Latn: the language of its e-mails, digests "
						+ "and webhook summaries (default: the best match of Accept-Language)",
				example = "sr-Latn") @Nullable String locale) {
}
