package org.decoop.notification.subscription.web;

import org.decoop.events.Theme;
import org.decoop.platform.web.CountryCode;

import jakarta.validation.constraints.Size;

public record FilterRequest(@Size(max = 100) String partnershipId, @Size(max = 100) String localAuthorityId,
		@CountryCode String country, Theme theme) {
}
