package org.decoop.platform.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a domain rule says, as a key of a module's message bundle and its arguments: the
 * web layer says it in the reader's language. Plain Java, so domains use it without any
 * framework. The key starts with the module's name ({@code partnership.name.blank} lives
 * in {@code i18n/partnership/messages.properties}); {@link #english()} renders the
 * English text from that bundle, for logs and exception messages, so English is written
 * once. An argument may be a phrase itself ({@code expected {0}} with {@code a date}).
 */
public record Phrase(String key, List<Object> arguments) {

	private static final Map<String, Properties> ENGLISH = new ConcurrentHashMap<>();

	public Phrase {
		if (key.indexOf('.') < 1) {
			throw new IllegalArgumentException("a message key starts with its module: " + key);
		}
		arguments = List.copyOf(arguments);
	}

	public static Phrase of(String key, Object... arguments) {
		return new Phrase(key, List.of(arguments));
	}

	/**
	 * The English text, formatted like Spring's message sources do: a text without
	 * arguments as written, one with arguments through {@link MessageFormat}. The key
	 * itself when the bundle lacks it (a test of each module forbids that).
	 */
	public String english() {
		String module = key.substring(0, key.indexOf('.'));
		String pattern = ENGLISH.computeIfAbsent(module, Phrase::load).getProperty(key);
		if (pattern == null) {
			return key;
		}
		if (arguments.isEmpty()) {
			return pattern;
		}
		Object[] values = arguments.stream()
			.map(argument -> argument instanceof Phrase phrase ? phrase.english() : argument)
			.toArray();
		return new MessageFormat(pattern, Locale.ENGLISH).format(values);
	}

	private static Properties load(String module) {
		Properties texts = new Properties();
		String path = "i18n/" + module + "/messages.properties";
		try (InputStream in = Phrase.class.getClassLoader().getResourceAsStream(path)) {
			if (in != null) {
				texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(path, e);
		}
		return texts;
	}

}
