package org.decoop.platform.i18n;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The languages decoop speaks, and the choice among them for a request. English is the
 * default; {@code sr} alone is Serbian in Cyrillic, the official script.
 * <p>
 * Negotiation is RFC 4647 lookup over the {@code Accept-Language} ranges in order of
 * their quality values (RFC 9110 §12.5.4), done by the JDK's {@link Locale#lookupTag}: a
 * range is shortened until it names a language spoken here ({@code sr-Latn-RS} →
 * {@code sr-Latn}, {@code fr-CA} → {@code fr}), and {@code q=0} excludes. Spring's
 * {@code AcceptHeaderLocaleResolver} does not fit: a range it does not list exactly falls
 * back to the first supported locale of the same language, whatever its script, so
 * {@code sr-Latn-RS} would get Cyrillic.
 */
public final class Languages {

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final Locale FRENCH = Locale.FRENCH;

	public static final Locale SERBIAN_CYRILLIC = Locale.forLanguageTag("sr-Cyrl");

	public static final Locale SERBIAN_LATIN = Locale.forLanguageTag("sr-Latn");

	public static final Locale DEFAULT = ENGLISH;

	/** Each language spoken, by its BCP 47 tag. */
	public static final List<Locale> SUPPORTED = List.of(ENGLISH, FRENCH, SERBIAN_CYRILLIC, SERBIAN_LATIN);

	/** What a lookup may land on (lower case, as {@link Locale#lookupTag} answers). */
	private static final Map<String, Locale> TAGS = Map.of("en", ENGLISH, "fr", FRENCH, "sr-cyrl", SERBIAN_CYRILLIC,
			"sr-latn", SERBIAN_LATIN, "sr", SERBIAN_CYRILLIC);

	private Languages() {
	}

	/**
	 * The language to answer in, given the request's {@code Accept-Language} (several
	 * header lines joined by commas); English when none fits, the header is absent, or it
	 * is malformed: a bad header never fails a request.
	 */
	public static Locale negotiate(@Nullable String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return DEFAULT;
		}
		try {
			String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), TAGS.keySet());
			return tag == null ? DEFAULT : TAGS.getOrDefault(tag, DEFAULT);
		}
		catch (IllegalArgumentException malformed) {
			return DEFAULT;
		}
	}

	/**
	 * {@link #negotiate(String)} over every {@code Accept-Language} line of a request.
	 */
	public static Locale negotiate(@Nullable Enumeration<String> acceptLanguageLines) {
		if (acceptLanguageLines == null || !acceptLanguageLines.hasMoreElements()) {
			return DEFAULT;
		}
		return negotiate(String.join(",", java.util.Collections.list(acceptLanguageLines)));
	}

	/**
	 * A language chosen by name (a subscription's {@code locale}): one of the supported
	 * tags, or a more precise one that lookup shortens to one ({@code fr-FR}); empty for
	 * any other.
	 */
	public static Optional<Locale> named(String tag) {
		if (tag.isBlank() || tag.contains(",") || tag.contains(";") || tag.contains("*")) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(Locale.lookupTag(Locale.LanguageRange.parse(tag.strip()), TAGS.keySet()))
				.map(found -> TAGS.getOrDefault(found, DEFAULT));
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}

	/**
	 * The supported language {@code locale} stands for: Serbian without the Latin script
	 * is Cyrillic, an unknown language is English.
	 */
	public static Locale of(Locale locale) {
		return switch (locale.getLanguage()) {
			case "fr" -> FRENCH;
			case "sr" -> "Latn".equals(locale.getScript()) ? SERBIAN_LATIN : SERBIAN_CYRILLIC;
			default -> ENGLISH;
		};
	}

	/** Whether a reader of {@code locale} reads names in Cyrillic (else in Latin). */
	public static boolean readsCyrillic(Locale locale) {
		return of(locale).equals(SERBIAN_CYRILLIC);
	}

}
