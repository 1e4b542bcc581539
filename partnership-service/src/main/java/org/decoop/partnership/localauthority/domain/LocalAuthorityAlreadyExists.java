package org.decoop.partnership.localauthority.domain;

import org.decoop.platform.domain.StateConflict;

/**
 * A local authority of the same name in the same country, or with the same code, is
 * already known.
 */
public class LocalAuthorityAlreadyExists extends StateConflict {

	private LocalAuthorityAlreadyExists(String field, String message) {
		super(field, message);
	}

	public static LocalAuthorityAlreadyExists named(LocalAuthority authority) {
		return new LocalAuthorityAlreadyExists("name",
				"A local authority named '%s' already exists in %s".formatted(authority.name(), authority.country()));
	}

	public static LocalAuthorityAlreadyExists withCode(LocalAuthority authority) {
		return new LocalAuthorityAlreadyExists("code",
				"A local authority with code %s already exists".formatted(authority.code()));
	}

}
