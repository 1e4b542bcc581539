package org.decoop.notification.subscription.domain;

import org.decoop.events.Country;
import org.decoop.events.Theme;
import org.jspecify.annotations.Nullable;

/**
 * Narrows a subscription to the events about one partnership, one local authority, one
 * country or one theme. Every field is optional; the ones given must all match.
 */
public record Filter(@Nullable String partnershipId, @Nullable String localAuthorityId, @Nullable Country country,
		@Nullable Theme theme) {

	public static final Filter NONE = new Filter(null, null, null, null);

	/** Whether an event with these facts passes the filter. */
	public boolean matches(EventFacts facts) {
		return (partnershipId == null || facts.partnershipIds().contains(partnershipId))
				&& (localAuthorityId == null || facts.localAuthorityIds().contains(localAuthorityId))
				&& (country == null || facts.countries().contains(country.code()))
				&& (theme == null || facts.themes().contains(theme));
	}
}
