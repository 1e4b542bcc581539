package org.decoop.partnership.partnership.domain;

import java.util.Objects;

import org.decoop.events.Country;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;

/** A local authority as a partner: what the partnership remembers of it. */
public record Partner(LocalAuthorityId id, String name, Country country) {

    public Partner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
    }
}
