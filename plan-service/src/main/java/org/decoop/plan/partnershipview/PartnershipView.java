package org.decoop.plan.partnershipview;

import java.util.Set;

import org.decoop.events.PartnershipStatus;

/**
 * What plan-service knows of a partnership, from {@code partnership-events}: enough to
 * validate activities. {@code partnerCodes}: who acts for its partners (none known from
 * events before codes).
 */
public record PartnershipView(String id, PartnershipStatus status, long version, Set<String> partnerCodes) {

	public PartnershipView {
		partnerCodes = partnerCodes == null ? Set.of() : Set.copyOf(partnerCodes);
	}

	public PartnershipView(String id, PartnershipStatus status, long version) {
		this(id, status, version, Set.of());
	}

	/**
	 * Activities may name ACTIVE and DORMANT partnerships (a signed plan brings a dormant
	 * one back), not ENDED ones.
	 */
	public boolean acceptsActivities() {
		return status != PartnershipStatus.ENDED;
	}
}
