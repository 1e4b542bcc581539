package org.decoop.notification.digest;

import org.decoop.notification.digest.web.DigestResponse;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.security.CurrentCaller;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@Tag(name = "Inbox and deliveries",
		description = "A subscription's notifications, live stream, delivery log and retries")
class DigestController {

	private final Subscriptions subscriptions;

	private final DigestDispatches dispatches;

	DigestController(Subscriptions subscriptions, DigestDispatches dispatches) {
		this.subscriptions = subscriptions;
		this.dispatches = dispatches;
	}

	@GetMapping("/api/subscriptions/{id}/digests")
	@Operation(summary = "The digest log of a DAILY or WEEKLY e-mail subscription: one entry per period that had "
			+ "notifications, newest first, with each attempt; a failed one shows when it is tried again")
	PagedModel<DigestResponse> digests(@PathVariable String id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, @CurrentCaller Actor caller) {
		if (subscriptions.ownedBy(new SubscriptionId(id), caller).isEmpty()) {
			throw new DoesNotExist("Subscription", id);
		}
		return new PagedModel<>(dispatches.ofSubscription(id, page, size).map(DigestResponse::of));
	}

}
