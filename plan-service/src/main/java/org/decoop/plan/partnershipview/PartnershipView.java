package org.decoop.plan.partnershipview;

import org.decoop.events.PartnershipStatus;

/** What plan-service knows of a partnership, from {@code partnership-events}: enough to validate activities. */
public record PartnershipView(String id, PartnershipStatus status, long version) {

    /** Activities may name ACTIVE and DORMANT partnerships (a signed plan brings a dormant one back), not ENDED ones. */
    public boolean acceptsActivities() {
        return status != PartnershipStatus.ENDED;
    }
}
