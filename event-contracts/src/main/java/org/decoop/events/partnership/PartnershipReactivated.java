package org.decoop.events.partnership;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.jspecify.annotations.Nullable;

/**
 * A DORMANT partnership became ACTIVE again; {@code planId} names the signed plan that
 * triggered it, if any.
 */
public record PartnershipReactivated(String partnershipId, long version, PartnershipStatus status,
		List<Partner> partners, Set<Theme> themes, String reason, @Nullable String planId,
		Instant occurredAt) implements PartnershipEvent {
}
