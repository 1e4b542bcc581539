package org.decoop.platform.i18n;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Names in the script of the request's reader ({@link Transliteration#forReader}), for
 * the answers' mappings: the language is the one negotiated for the request being
 * answered.
 */
public final class ReaderNames {

	private ReaderNames() {
	}

	/** {@code name} as the current request's reader reads it. */
	public static String of(String name) {
		return Transliteration.forReader(name, LocaleContextHolder.getLocale());
	}

}
