package org.decoop.partnership.localauthority.domain;

import org.decoop.platform.domain.StateConflict;

/** A local authority of the same name is already known in the same country. */
public class LocalAuthorityAlreadyExists extends StateConflict {

    public LocalAuthorityAlreadyExists(LocalAuthority authority) {
        super("name", "A local authority named '%s' already exists in %s".formatted(authority.name(), authority.country()));
    }
}
