package org.decoop.events;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An ISO 3166-1 alpha-2 country code ({@code FR}, {@code RS}), validated on construction.
 */
public record Country(String code) {

	private static final Set<String> ISO_CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	public Country {
		Objects.requireNonNull(code, "code");
		if (!isValid(code)) {
			throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country code: " + code);
		}
	}

	public static Country of(String code) {
		return new Country(code);
	}

	/** True for an upper-case ISO 3166-1 alpha-2 code. */
	public static boolean isValid(@Nullable String code) {
		return code != null && ISO_CODES.contains(code);
	}

	@Override
	public String toString() {
		return code;
	}
}
