package org.decoop.partnership.localauthority.domain;

import java.util.Locale;
import java.util.Objects;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.platform.domain.InvalidValue;

/**
 * A municipality, city, department, region or province that can enter partnerships.
 * It is known by its name within its country: two with the same name in one country are one.
 */
public record LocalAuthority(LocalAuthorityId id, String name, Country country, LocalAuthorityKind kind) {

    public static final int MAX_NAME_LENGTH = 200;

    public LocalAuthority {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new InvalidValue("name", "name must not be blank");
        }
        name = name.strip().replaceAll("\\s+", " ");
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidValue("name", "name must be at most %d characters".formatted(MAX_NAME_LENGTH));
        }
    }

    /** The key that makes "Niš", " niš " and "NIŠ" one name: trimmed, single-spaced, lower case. */
    public String nameKey() {
        return name.toLowerCase(Locale.ROOT);
    }
}
