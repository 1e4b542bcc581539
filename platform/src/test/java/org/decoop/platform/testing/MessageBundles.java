package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.decoop.platform.i18n.LanguageMessageSource;
import org.springframework.core.io.FileSystemResource;

/**
 * The checks every module's message bundle passes: each key written in every written
 * language (English, French, Serbian Cyrillic; Serbian Latin is derived), each key used
 * by the module's main code (as a string literal: keys are never built), and each text
 * with arguments a valid MessageFormat pattern without a lone {@code '} (which would eat
 * the text after it: write {@code ’} or {@code ''}). Run from the module's folder, as
 * Maven runs tests.
 */
public final class MessageBundles {

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

	private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

	private MessageBundles() {
	}

	/** Checks {@code src/main/resources/i18n/<module>/} against {@code src/main/java}. */
	public static void assertComplete(String module) {
		Path folder = Path.of("src/main/resources/i18n", module);
		Map<String, String> english = read(folder.resolve("messages.properties"));
		Map<String, Map<String, String>> written = Map.of("en", english, "fr",
				read(folder.resolve("messages_fr.properties")), "sr-Cyrl",
				read(folder.resolve("messages_sr-Cyrl.properties")));
		String code = mainSources();
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(english).as("the English bundle of %s", module).isNotEmpty();
		Set<String> keys = new TreeSet<>();
		written.values().forEach(bundle -> keys.addAll(bundle.keySet()));
		written.forEach((language, bundle) -> {
			softly.assertThat(new TreeSet<>(keys))
				.as("keys missing in %s/messages (%s)", module, language)
				.isSubsetOf(bundle.keySet());
			bundle.forEach((key, text) -> {
				if (ARGUMENT.matcher(text).find()) {
					softly.assertThat(LONE_QUOTE.matcher(text).find())
						.as("%s (%s) has a lone ' that MessageFormat would take as a quote: %s", key, language, text)
						.isFalse();
					softly.assertThatCode(() -> new MessageFormat(text, Locale.forLanguageTag(language)))
						.as("%s (%s) is a MessageFormat pattern", key, language)
						.doesNotThrowAnyException();
				}
			});
		});
		Set<String> unused = keys.stream()
			.filter(key -> !code.contains('"' + key + '"'))
			.collect(Collectors.toCollection(TreeSet::new));
		softly.assertThat(unused).as("keys of %s that no main code of the module uses", module).isEmpty();
		softly.assertAll();
	}

	private static Map<String, String> read(Path bundle) {
		assertThat(bundle).as("a written bundle").exists();
		return LanguageMessageSource.read(new FileSystemResource(bundle));
	}

	private static String mainSources() {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			return files.filter(file -> file.toString().endsWith(".java")).map(file -> {
				try {
					return Files.readString(file);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}).collect(Collectors.joining("\n"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
