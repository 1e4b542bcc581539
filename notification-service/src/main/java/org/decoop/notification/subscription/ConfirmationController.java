package org.decoop.notification.subscription;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

import org.decoop.notification.subscription.domain.Confirmation;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.notification.subscription.web.SubscriptionResponse;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.security.CurrentCaller;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The confirmation of an EMAIL subscription's address. The link of the confirmation
 * e-mail is the proof that its reader controls the mailbox, so using it needs no bearer
 * token. Opening it (GET) changes nothing, as mail scanners open links too: it shows a
 * page whose button POSTs it, in the reader's language (the browser's Accept-Language),
 * as its refusals are.
 */
@RestController
@RequestMapping("/api/subscriptions/{id}/confirmation")
@Tag(name = "Subscriptions")
class ConfirmationController {

	private static final String PROBLEM = "#/components/schemas/Problem";

	private final Confirmations confirmations;

	private final Clock clock;

	private final MessageSource messages;

	ConfirmationController(Confirmations confirmations, Clock clock, MessageSource messages) {
		this.confirmations = confirmations;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping
	@Operation(
			summary = "The confirmation e-mail's link: a page whose button confirms (no token needed; opening it changes nothing)")
	@ApiResponse(responseCode = "410", description = "The link expired, or was used already",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<String> page(@PathVariable String id, @RequestParam @NotBlank @Size(max = 200) String token,
			Locale reader) {
		refuseUnless(confirmations.check(new SubscriptionId(id), token, clock.instant()), id);
		String action = HtmlUtils.htmlEscape("/api/subscriptions/" + id + "/confirmation?token=" + token);
		String title = HtmlUtils.htmlEscape(messages.getMessage("notification.confirmation.page.title", null, reader));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_LANGUAGE, reader.toLanguageTag())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.body("""
					<!DOCTYPE html>
					<html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title></head>
					<body><main><h1>%s</h1>
					<p>%s</p>
					<form method="post" action="%s"><button type="submit">%s</button></form></main></body></html>
					"""
				.formatted(reader.toLanguageTag(), title, title,
						HtmlUtils.htmlEscape(messages.getMessage("notification.confirmation.page.text", null, reader)),
						action, HtmlUtils
							.htmlEscape(messages.getMessage("notification.confirmation.page.button", null, reader))));
	}

	@PostMapping
	@Operation(
			summary = "Confirm the subscription's e-mail address with the token of its confirmation link (no bearer token needed)")
	@ApiResponse(responseCode = "200", description = "Confirmed: the subscription is ACTIVE",
			useReturnTypeSchema = true)
	@ApiResponse(responseCode = "410",
			description = "The link expired (its owner can have a new one sent), or was used already",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	SubscriptionResponse confirm(@PathVariable String id, @RequestParam @NotBlank @Size(max = 200) String token) {
		Confirmations.Confirmed confirmed = confirmations.confirm(new SubscriptionId(id), token, clock.instant());
		refuseUnless(confirmed.outcome(), id);
		// a VALID link answers the subscription it confirmed
		return SubscriptionResponse.of(confirmed.subscription().orElseThrow());
	}

	@PostMapping("/resend")
	@Operation(
			summary = "Send the subscription's confirmation e-mail again, with a new link (the owner only; counted in the "
					+ "address's confirmation e-mails per day)")
	@ApiResponse(responseCode = "202",
			description = "A new confirmation e-mail is on its way; the earlier links no longer work",
			useReturnTypeSchema = true)
	@ApiResponse(responseCode = "429",
			description = "The address had its share of confirmation e-mails; Retry-After says when "
					+ "the next one can go",
			headers = @Header(name = "Retry-After", description = "Seconds to wait",
					schema = @Schema(type = "integer")),
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<SubscriptionResponse> resend(@PathVariable String id, @CurrentCaller Actor caller) {
		Subscription subscription = confirmations.resend(new SubscriptionId(id), caller, clock.instant());
		return ResponseEntity.accepted().body(SubscriptionResponse.of(subscription));
	}

	private void refuseUnless(Confirmation.Outcome outcome, String id) {
		switch (outcome) {
			case VALID -> {
			}
			case UNKNOWN -> throw problem(HttpStatus.NOT_FOUND, "not-found", "notification.confirmation.unknown", id);
			case EXPIRED ->
				throw problem(HttpStatus.GONE, "confirmation-expired", "notification.confirmation.expired", id);
			case USED -> throw problem(HttpStatus.GONE, "confirmation-used", "notification.confirmation.used", id);
		}
	}

	/**
	 * A refusal whose detail ProblemDetailsAdvice says in the reader's language (its
	 * message code; the English text stays as the default for logs).
	 */
	private ErrorResponseException problem(HttpStatus status, String slug, String detailCode, String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(detailCode, new Object[] { id }, Locale.ENGLISH));
		problem.setType(URI.create("https://decoop.org/problems/" + slug));
		problem.setTitle(status.getReasonPhrase());
		return new ErrorResponseException(status, problem, null, detailCode, new Object[] { id });
	}

}
