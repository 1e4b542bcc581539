package org.decoop.platform.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The messages of every module on the class path, each in {@code i18n/<module>/}:
 * {@code messages.properties} (English), {@code messages_fr.properties} and
 * {@code messages_sr-Cyrl.properties}, in UTF-8, written by hand. Serbian Latin is never
 * written: it is derived from the Cyrillic when the bundles load
 * ({@link Transliteration#toLatin}). The files are named by language tag and read
 * explicitly, not through {@code ResourceBundle}, whose names for scripts
 * ({@code sr__#Cyrl}) nobody reads well. A text missing in a language falls back to
 * English (a test of each module forbids it); a key defined by two modules fails the
 * start.
 */
public class LanguageMessageSource extends AbstractMessageSource {

	/** Where each module's English bundle is; the others sit beside it. */
	public static final String BUNDLES = "classpath*:i18n/*/messages.properties";

	private final Map<Locale, Map<String, String>> texts;

	private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

	LanguageMessageSource(Map<Locale, Map<String, String>> texts) {
		this.texts = texts;
	}

	/** Every module's bundle found on the class path. */
	public static LanguageMessageSource fromClassPath() {
		try {
			List<Resource> english = List.of(new PathMatchingResourcePatternResolver().getResources(BUNDLES));
			Map<Locale, Map<String, String>> texts = new HashMap<>();
			for (Resource bundle : english) {
				merge(texts, Languages.ENGLISH, read(bundle));
				merge(texts, Languages.FRENCH, read(bundle.createRelative("messages_fr.properties")));
				Map<String, String> cyrillic = read(bundle.createRelative("messages_sr-Cyrl.properties"));
				merge(texts, Languages.SERBIAN_CYRILLIC, cyrillic);
				Map<String, String> latin = new HashMap<>();
				cyrillic.forEach((key, text) -> latin.put(key, Transliteration.toLatin(text)));
				merge(texts, Languages.SERBIAN_LATIN, latin);
			}
			return new LanguageMessageSource(texts);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the message bundles", e);
		}
	}

	/** Reads one bundle file in UTF-8; empty when it does not exist. */
	public static Map<String, String> read(Resource bundle) {
		Properties properties = new Properties();
		if (bundle.exists()) {
			try (InputStream in = bundle.getInputStream()) {
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + bundle, e);
			}
		}
		Map<String, String> texts = new HashMap<>();
		properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
		return texts;
	}

	private static void merge(Map<Locale, Map<String, String>> texts, Locale language, Map<String, String> bundle) {
		Map<String, String> all = texts.computeIfAbsent(language, any -> new HashMap<>());
		List<String> twice = new ArrayList<>();
		bundle.forEach((key, text) -> {
			if (all.putIfAbsent(key, text) != null) {
				twice.add(key);
			}
		});
		if (!twice.isEmpty()) {
			throw new IllegalStateException("message keys defined by two modules: " + twice);
		}
	}

	@Override
	protected @Nullable String resolveCodeWithoutArguments(String code, Locale locale) {
		Map<String, String> own = texts.getOrDefault(Languages.of(locale), Map.of());
		String text = own.get(code);
		return text != null ? text : texts.getOrDefault(Languages.ENGLISH, Map.of()).get(code);
	}

	@Override
	protected @Nullable MessageFormat resolveCode(String code, Locale locale) {
		Locale language = Languages.of(locale);
		String text = resolveCodeWithoutArguments(code, language);
		if (text == null) {
			return null;
		}
		String key = language.toLanguageTag() + '|' + code;
		MessageFormat format = formats.get(key);
		if (format == null) {
			format = createMessageFormat(text, language);
			formats.putIfAbsent(key, format);
		}
		return format;
	}

}
