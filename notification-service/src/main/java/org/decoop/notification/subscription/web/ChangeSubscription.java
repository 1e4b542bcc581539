package org.decoop.notification.subscription.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * A JSON merge patch (RFC 7396) of a subscription: what its owner may change. An absent
 * member stays as it is.
 */
@Schema(example = "{\"locale\": \"sr-Latn\"}")
public record ChangeSubscription(@Size(max = 35) @Schema(
		description = "en, fr, sr-Cyrl or sr-Latn: the language of its e-mails, digests and webhook summaries") String locale) {
}
