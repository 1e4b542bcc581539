package org.decoop.platform.i18n;

import java.text.Normalizer;
import java.util.Locale;

import com.ibm.icu.text.Transliterator;

/**
 * Serbian Cyrillic to Latin, for texts (the Latin bundles) and names (a local authority's
 * Latin form): ICU's {@code Serbian-Latin/BGN} (Ђ → Đ, Љ → Lj, Џ → Dž, ...), then NFC so
 * that {@code Č} is one code point whatever the rules produced. Text without Cyrillic
 * comes back as it was (NFC).
 */
public final class Transliteration {

	private static final String SERBIAN_LATIN = "Serbian-Latin/BGN";

	// A Transliterator is not meant to be shared between threads: one per thread.
	private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal
		.withInitial(() -> Transliterator.getInstance(SERBIAN_LATIN));

	private static final ThreadLocal<Transliterator> TO_SEARCH_KEY = ThreadLocal
		.withInitial(() -> Transliterator.getInstance(SERBIAN_LATIN + "; Any-Latin; Latin-ASCII; Any-Lower"));

	private Transliteration() {
	}

	/** {@code Сремска Митровица} → {@code Sremska Mitrovica}. */
	public static String toLatin(String text) {
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		if (!hasCyrillic(nfc)) {
			return nfc;
		}
		return Normalizer.normalize(TO_LATIN.get().transliterate(nfc), Normalizer.Form.NFC);
	}

	/** Whether {@code text} has a Cyrillic letter. */
	public static boolean hasCyrillic(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
	}

	/**
	 * The form of a name its reader expects: a reader of Serbian Cyrillic gets the name
	 * as written (Cyrillic for a Serbian authority, the original for a French one: French
	 * is never put into Cyrillic); every other reader gets the Latin form.
	 */
	public static String forReader(String name, Locale reader) {
		return Languages.readsCyrillic(reader) ? name : toLatin(name);
	}

	/**
	 * What a name or a query is matched on, whichever script it is written in: Latin,
	 * without diacritics, in lower case ({@code Чачак}, {@code Čačak} and {@code cacak}
	 * give {@code cacak}).
	 */
	public static String searchKey(String text) {
		return TO_SEARCH_KEY.get()
			.transliterate(Normalizer.normalize(text, Normalizer.Form.NFC))
			.toLowerCase(Locale.ROOT);
	}

}
