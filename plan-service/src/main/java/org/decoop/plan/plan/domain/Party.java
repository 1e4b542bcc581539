package org.decoop.plan.plan.domain;

import java.util.Objects;
import java.util.regex.Pattern;

import org.decoop.platform.domain.InvalidValue;

/** A signing party of a plan, known by a short code such as {@code AMBAFRANCE-RS} or {@code SKGO}. */
public record Party(String code, String name) {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,31}");

    public Party {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new InvalidValue("code", "a party code is 2 to 32 upper-case letters, digits, '-' or '_'");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValue("name", "a party needs a name");
        }
    }
}
