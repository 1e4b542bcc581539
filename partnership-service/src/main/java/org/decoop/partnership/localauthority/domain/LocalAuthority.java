package org.decoop.partnership.localauthority.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.jspecify.annotations.Nullable;

/**
 * A municipality, city, department, region or province that can enter partnerships. It is
 * known by its name within its country: two with the same name in one country are one.
 * Its {@code code} ({@code FR-NEVERS}) is what tokens name in {@code acts_for}: stable,
 * human, unique, starting with its country. Authorities stored before codes existed have
 * none. {@code population} (inhabitants) is optional: partner searches use it to rank
 * similar sizes.
 */
public record LocalAuthority(LocalAuthorityId id, @Nullable String code, String name, Country country,
		LocalAuthorityKind kind, @Nullable Integer population) {

	public static final int MAX_NAME_LENGTH = 200;

	/** More than any city on Earth: a bigger number is a typo. */
	public static final int MAX_POPULATION = 100_000_000;

	public static final String CODE_PATTERN = "^[A-Z]{2}-[A-Z0-9-]{2,48}$";

	private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

	/** Registers a new local authority: only a steward (the Embassy, SKGO) may. */
	public static LocalAuthority register(Actor actor, LocalAuthorityId id, @Nullable String code, String name,
			Country country, LocalAuthorityKind kind, @Nullable Integer population) {
		if (!actor.isSystem() && !actor.steward()) {
			throw new NotAllowed("Only a steward may register a local authority");
		}
		if (code == null) {
			throw new InvalidValue("code", "code is required");
		}
		return new LocalAuthority(id, code, name, country, kind, population);
	}

	public LocalAuthority {
		Objects.requireNonNull(id, "id");
		if (code != null && !CODE.matcher(code).matches()) {
			throw new InvalidValue("code",
					"code must be the country code, a hyphen and 2 to 48 capital letters, digits "
							+ "or hyphens, like FR-NEVERS");
		}
		if (code != null && country != null && !code.startsWith(country.code() + "-")) {
			throw new InvalidValue("code", "code must start with the country code %s-".formatted(country.code()));
		}
		Objects.requireNonNull(country, "country");
		Objects.requireNonNull(kind, "kind");
		if (name == null || name.isBlank()) {
			throw new InvalidValue("name", "name must not be blank");
		}
		name = name.strip().replaceAll("\\s+", " ");
		if (population != null && (population < 1 || population > MAX_POPULATION)) {
			throw new InvalidValue("population",
					"population must be a number of inhabitants between 1 and %d".formatted(MAX_POPULATION));
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new InvalidValue("name", "name must be at most %d characters".formatted(MAX_NAME_LENGTH));
		}
	}

	/**
	 * The key that makes "Niš", " niš " and "NIŠ" one name: trimmed, single-spaced, lower
	 * case.
	 */
	public String nameKey() {
		return name.toLowerCase(Locale.ROOT);
	}
}
