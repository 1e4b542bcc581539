package org.decoop.events.partnership;

import java.util.List;
import java.util.Set;

import org.decoop.events.DecoopEvent;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.jspecify.annotations.Nullable;

/**
 * Events of {@code partnership-events}, keyed by partnership id. Each carries the
 * partners, themes, status after the change and the partnership's version, so that a
 * consumer can match and order them without calling back.
 */
public sealed interface PartnershipEvent extends DecoopEvent
		permits PartnershipEstablished, PartnershipWentDormant, PartnershipReactivated, PartnershipEnded {

	String partnershipId();

	/**
	 * The partnership's version after this change: 0 when established, then +1 per
	 * change.
	 */
	long version();

	PartnershipStatus status();

	List<Partner> partners();

	Set<Theme> themes();

	@Override
	default String aggregateId() {
		return partnershipId();
	}

	/**
	 * A partner as it was when the event happened. {@code country} is ISO 3166-1 alpha-2;
	 * {@code code} says who acts for it (added in wave 3; null for partners recorded
	 * before codes).
	 */
	record Partner(String id, String name, String country, @Nullable String code) {

		public Partner(String id, String name, String country) {
			this(id, name, country, null);
		}
	}

}
