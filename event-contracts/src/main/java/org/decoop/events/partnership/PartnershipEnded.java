package org.decoop.events.partnership;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;

/** A partnership ended for good; activities can no longer name it. */
public record PartnershipEnded(String partnershipId, long version, PartnershipStatus status, List<Partner> partners,
		Set<Theme> themes, String reason, Instant occurredAt) implements PartnershipEvent {
}
