package org.decoop.platform.i18n;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Names in the script of the request's reader ({@link Transliteration#forReader}), for
 * the answers' mappings: the language is the one negotiated for the request being
 * answered.
 */
public final class ReaderNames {

	private ReaderNames() {
	}

	/** {@code name} as the current request's reader reads it; null stays null. */
	public static @Nullable String of(@Nullable String name) {
		return name == null ? null : Transliteration.forReader(name, LocaleContextHolder.getLocale());
	}

}
