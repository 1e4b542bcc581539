package org.decoop.events.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.jspecify.annotations.Nullable;

/** An ACTIVE partnership went DORMANT. */
public record PartnershipWentDormant(String partnershipId, long version, PartnershipStatus status,
		List<Partner> partners, Set<Theme> themes, String reason, @Nullable LocalDate lastActivityOn,
		Instant occurredAt) implements PartnershipEvent {
}
