package org.decoop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's pages say everything in each of its languages: every key a page asks
 * {@code t('…')} for is in a catalogue ({@code messages/*.json}) in English, French and
 * Serbian Cyrillic (the shell derives Serbian Latin), and no catalogue has a key in one
 * of them only. A missing one would show the key itself, or English, to the reader.
 */
class ConsoleMessagesTest {

	static final List<String> LANGUAGES = List.of("en", "fr", "sr-Cyrl");

	/** t('plan.signFor', …): the keys written out (keys built from a value are not). */
	static final Pattern KEY = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void everyKeyThePagesAskForIsInEachLanguage() throws IOException, URISyntaxException {
		Map<String, Set<String>> catalogues = catalogues();
		Map<String, String> missing = new TreeMap<>();
		try (Stream<Path> files = Files.list(console().resolve("pages"))) {
			for (Path module : files.filter(file -> file.toString().endsWith(".js")).toList()) {
				Matcher key = KEY.matcher(Files.readString(module));
				while (key.find()) {
					for (String language : LANGUAGES) {
						if (!catalogues.get(language).contains(key.group(1))) {
							missing.merge(key.group(1), language + " (" + module.getFileName() + ")",
									(a, b) -> a + ", " + b);
						}
					}
				}
			}
		}
		assertThat(missing).as("keys missing in a language").isEmpty();
	}

	@Test
	void eachCatalogueHasTheSameKeysInEachLanguage() throws IOException, URISyntaxException {
		try (Stream<Path> files = Files.list(console().resolve("messages"))) {
			for (Path catalogue : files.filter(file -> file.toString().endsWith(".json")).toList()) {
				JsonNode dictionaries = JSON.readTree(catalogue.toFile());
				Set<String> english = keys(dictionaries.get("en"));
				for (String language : LANGUAGES) {
					assertThat(keys(dictionaries.get(language))).as("%s in %s", catalogue.getFileName(), language)
						.isEqualTo(english);
				}
			}
		}
	}

	private static Map<String, Set<String>> catalogues() throws IOException, URISyntaxException {
		Map<String, Set<String>> keys = new TreeMap<>();
		LANGUAGES.forEach(language -> keys.put(language, new TreeSet<>()));
		try (Stream<Path> files = Files.list(console().resolve("messages"))) {
			for (Path catalogue : files.filter(file -> file.toString().endsWith(".json")).toList()) {
				JsonNode dictionaries = JSON.readTree(catalogue.toFile());
				LANGUAGES.forEach(language -> keys.get(language).addAll(keys(dictionaries.get(language))));
			}
		}
		return keys;
	}

	private static Set<String> keys(JsonNode dictionary) {
		return dictionary == null ? Set.of() : new TreeSet<>(dictionary.propertyNames());
	}

	/** The console's files as the gateway serves them (its static resources). */
	private static Path console() throws URISyntaxException {
		return Path.of(ConsoleMessagesTest.class.getResource("/static/console").toURI());
	}

}
