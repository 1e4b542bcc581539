package org.decoop.events.partnership;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.jspecify.annotations.Nullable;

/**
 * A partnership was established between two or more local authorities; it starts ACTIVE.
 */
public record PartnershipEstablished(String partnershipId, long version, PartnershipStatus status,
		List<Partner> partners, @Nullable Integer since, Set<Theme> themes, @Nullable Coordinator coordinator,
		Instant occurredAt) implements PartnershipEvent {

	/**
	 * Who coordinates the partnership, when known: the name only. The e-mail address is
	 * personal data shown only to the partners and stewards (on the API); events go to
	 * every subscriber.
	 */
	public record Coordinator(String name) {
	}
}
