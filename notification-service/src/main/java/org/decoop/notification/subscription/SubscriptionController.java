package org.decoop.notification.subscription;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;

import org.decoop.events.Channel;
import org.decoop.events.Country;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Filter;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.decoop.notification.subscription.web.CreateSubscription;
import org.decoop.notification.subscription.web.FilterRequest;
import org.decoop.notification.subscription.web.SubscriptionResponse;
import org.decoop.notification.subscription.web.ChangeSubscription;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.i18n.Languages;
import org.decoop.platform.idempotency.CommandIds;
import org.decoop.platform.security.CurrentCaller;
import org.decoop.platform.web.CreatedResponse;
import org.decoop.platform.web.ETags;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "Subscriptions", description = "Who hears about which events, by webhook, e-mail or inbox")
class SubscriptionController {

	private final Subscriptions subscriptions;

	private final TargetGuard targets;

	private final Clock clock;

	private final Confirmations confirmations;

	SubscriptionController(Subscriptions subscriptions, TargetGuard targets, Clock clock, Confirmations confirmations) {
		this.confirmations = confirmations;
		this.subscriptions = subscriptions;
		this.targets = targets;
		this.clock = clock;
	}

	@PostMapping
	@CreatedResponse
	@Operation(
			summary = "Subscribe; a WEBHOOK subscription's answer carries its signing secret, shown this once; an EMAIL "
					+ "subscription is PENDING_CONFIRMATION until the link of the confirmation e-mail sent to its address is used")
	@ApiResponse(responseCode = "429",
			description = "EMAIL: the address had its share of confirmation e-mails; Retry-After says "
					+ "when the next one can go",
			headers = @Header(name = "Retry-After", description = "Seconds to wait",
					schema = @Schema(type = "integer")),
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<SubscriptionResponse> create(@Valid @RequestBody CreateSubscription request, Locale requested,
			@CurrentCaller Actor caller) {
		FilterRequest filter = request.filter();
		String country = filter == null ? null : filter.country();
		Subscription subscription = Subscription
			.create(CommandIds.newId(SubscriptionId::new), caller, request.subscriber(), request.channel(),
					request.target(), request.eventTypes(),
					filter == null ? Filter.NONE
							: new Filter(filter.partnershipId(), filter.localAuthorityId(),
									country == null ? null : Country.of(country), filter.theme()),
					request.digest() == null ? Digest.NONE : request.digest(), clock.instant())
			// the creator's language unless it names another
			.speaking(request.locale() != null ? request.locale() : Languages.of(requested).toLanguageTag());
		WebhookSecret secret = null;
		if (subscription.channel() == Channel.WEBHOOK) {
			targets.refusal(subscription.address()).ifPresent(refusal -> {
				throw new InvalidValue("target", refusal);
			});
			secret = WebhookSecret.generate();
		}
		if (subscription.awaitsConfirmation()) {
			// the confirmation e-mail it will get counts against its address's share (429
			// past it)
			confirmations.take(subscription.address(), clock.instant());
		}
		Subscriptions.Stored stored = subscriptions.add(subscription, secret);
		return ResponseEntity.created(URI.create("/api/subscriptions/" + stored.subscription().id()))
			.body(SubscriptionResponse.created(stored.subscription(), stored.secret()));
	}

	@GetMapping
	@Operation(summary = "The caller's subscriptions (without their secrets)")
	PagedModel<SubscriptionResponse> mine(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, @CurrentCaller Actor caller) {
		return new PagedModel<>(subscriptions.ownedBy(caller, page, size).map(SubscriptionResponse::of));
	}

	@GetMapping("/{id}")
	@ApiResponse(responseCode = "200", description = "The subscription; ETag is its version (for If-Match)",
			useReturnTypeSchema = true)
	ResponseEntity<SubscriptionResponse> get(@PathVariable String id, @CurrentCaller Actor caller) {
		Subscriptions.Held held = subscriptions.held(new SubscriptionId(id), caller)
			.orElseThrow(() -> new DoesNotExist("Subscription", id));
		return ETags.okPerCaller(held.version(), SubscriptionResponse.of(held.subscription()));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Change a subscription (a JSON merge patch): its language, locale")
	@ApiResponse(responseCode = "200", description = "Changed; ETag is its new version", useReturnTypeSchema = true)
	ResponseEntity<SubscriptionResponse> change(@PathVariable String id, @Valid @RequestBody ChangeSubscription request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @CurrentCaller Actor caller) {
		ExpectedVersion expected = ETags.expectedVersion(ifMatch);
		Subscriptions.Held held;
		if (request.locale() == null) {
			// nothing to change: as it is, provided it is at an expected version
			held = subscriptions.held(new SubscriptionId(id), caller)
				.orElseThrow(() -> new DoesNotExist("Subscription", id));
			expected.check("Subscription", () -> id, held.version());
		}
		else {
			held = subscriptions.speaking(new SubscriptionId(id), caller, expected, request.locale());
		}
		return ETags.ok(held.version(), SubscriptionResponse.of(held.subscription()));
	}

	@DeleteMapping("/{id}")
	@ApiResponse(responseCode = "204", description = "Deleted; its deliveries stop")
	ResponseEntity<Void> delete(@PathVariable String id, @CurrentCaller Actor caller) {
		if (!subscriptions.remove(new SubscriptionId(id), caller)) {
			throw new DoesNotExist("Subscription", id);
		}
		return ResponseEntity.noContent().build();
	}

}
