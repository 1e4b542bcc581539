package org.decoop.notification.subscription.web;

import org.decoop.events.Theme;
import org.decoop.platform.web.CountryCode;
import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Size;

public record FilterRequest(@Size(max = 100) @Nullable String partnershipId,
		@Size(max = 100) @Nullable String localAuthorityId, @CountryCode @Nullable String country,
		@Nullable Theme theme) {
}
