package org.decoop.notification.subscription.domain;

import java.util.Set;

import org.decoop.events.Theme;

/**
 * What an event is about, in the terms subscriptions filter on: the partnerships it
 * concerns, their partners and countries, and its themes. A plan event concerns the
 * partnerships of its activities, and through them their partners and countries.
 */
public record EventFacts(String eventName, Set<String> partnershipIds, Set<String> localAuthorityIds,
		Set<String> countries, Set<Theme> themes) {

	public EventFacts {
		partnershipIds = Set.copyOf(partnershipIds);
		localAuthorityIds = Set.copyOf(localAuthorityIds);
		countries = Set.copyOf(countries);
		themes = Set.copyOf(themes);
	}
}
