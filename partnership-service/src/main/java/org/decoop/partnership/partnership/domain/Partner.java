package org.decoop.partnership.partnership.domain;

import java.util.Objects;

import org.decoop.events.Country;
import org.decoop.partnership.localauthority.domain.Coordinates;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.jspecify.annotations.Nullable;

/**
 * A local authority as a partner: what the partnership remembers of it. Its {@code code}
 * says who acts for it; partners recorded before codes existed have none. Its
 * {@code coordinates} (where it is) are null when unknown.
 */
public record Partner(LocalAuthorityId id, @Nullable String code, String name, Country country,
		@Nullable Coordinates coordinates) {

	public Partner {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(country, "country");
	}

	/** WGS84 degrees, null when the place is unknown. */
	public @Nullable Double latitude() {
		return coordinates == null ? null : coordinates.latitude();
	}

	/** WGS84 degrees, null when the place is unknown. */
	public @Nullable Double longitude() {
		return coordinates == null ? null : coordinates.longitude();
	}

	/** A partner whose place is unknown. */
	public Partner(LocalAuthorityId id, @Nullable String code, String name, Country country) {
		this(id, code, name, country, null);
	}
}
