package org.decoop.partnership.partnership.domain;

import java.util.Objects;

import org.decoop.events.Country;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.jspecify.annotations.Nullable;

/**
 * A local authority as a partner: what the partnership remembers of it. Its {@code code}
 * says who acts for it; partners recorded before codes existed have none.
 */
public record Partner(LocalAuthorityId id, @Nullable String code, String name, Country country) {

	public Partner {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(country, "country");
	}
}
