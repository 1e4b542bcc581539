package org.decoop.partnership.localauthority.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.StateConflict;

/**
 * A local authority of the same name in the same country, or with the same code, is
 * already known.
 */
public class LocalAuthorityAlreadyExists extends StateConflict {

	private LocalAuthorityAlreadyExists(String field, Phrase phrase) {
		super(field, phrase);
	}

	public static LocalAuthorityAlreadyExists named(LocalAuthority authority) {
		return new LocalAuthorityAlreadyExists("name",
				Phrase.of("partnership.local-authority.name-taken", authority.name(), authority.country()));
	}

	public static LocalAuthorityAlreadyExists withCode(LocalAuthority authority) {
		return new LocalAuthorityAlreadyExists("code",
				Phrase.of("partnership.local-authority.code-taken", authority.code()));
	}

}
