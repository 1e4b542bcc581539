package org.decoop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The console's JavaScript as a browser loads it: from {@code index.html}'s module
 * scripts, through every static and dynamic import (the import map resolving the bare
 * ones), out of the gateway's static files and the WebJars on its classpath.
 */
class ConsoleScriptsTest {

	/** Issue 28: JavaScript under 200 kB uncompressed, map data aside. */
	static final int BUDGET_BYTES = 200_000;

	static final Pattern MODULE_SCRIPT = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"");

	static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

	static final Pattern MAPPING = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"");

	/** import … from '…', export … from '…', import '…', import('…'). */
	static final Pattern SPECIFIER = Pattern.compile(
			"(?:\\b(?:import|export)\\s[^'\";]*?\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\bimport\\s+)['\"]([^'\"]+)['\"]");

	@Test
	void everyModuleTheConsoleLoadsIsServedAndAllOfThemStayUnderTheBudget() throws IOException {
		String index = text("/console/index.html").orElseThrow();
		Matcher importMap = IMPORT_MAP.matcher(index);
		assertThat(importMap.find()).as("index.html has an import map").isTrue();
		Map<String, String> imports = new LinkedHashMap<>();
		Matcher mapping = MAPPING.matcher(importMap.group(1));
		while (mapping.find()) {
			imports.put(mapping.group(1), mapping.group(2));
		}
		Map<String, Integer> loaded = new LinkedHashMap<>();
		Matcher script = MODULE_SCRIPT.matcher(index);
		while (script.find()) {
			load(script.group(1), "index.html", imports, loaded);
		}
		assertThat(loaded).containsKeys("/console/app.js", "/console/pages/network.js", "/console/pages/stats.js",
				"/webjars/d3-geo/3.1.1/src/path/index.js", "/webjars/d3-array/3.2.4/src/fsum.js");
		int total = loaded.values().stream().mapToInt(Integer::intValue).sum();
		assertThat(total).as("bytes of JavaScript in %s", loaded).isLessThan(BUDGET_BYTES);
	}

	@Test
	void theMapOutlinesHoldFranceAndSerbia() throws IOException {
		String outlines = text("/console/vendor/world-atlas/europe-50m.json").orElseThrow();
		assertThat(outlines).startsWith("{\"type\":\"FeatureCollection\"")
			.contains("\"id\":\"250\",\"properties\":{\"name\":\"France\"}")
			.contains("\"id\":\"688\",\"properties\":{\"name\":\"Serbia\"}");
	}

	private static void load(String url, String from, Map<String, String> imports, Map<String, Integer> loaded)
			throws IOException {
		if (loaded.containsKey(url)) {
			return;
		}
		String source = text(url)
			.orElseThrow(() -> new AssertionError(url + " (imported by " + from + ") is not served"));
		loaded.put(url, source.getBytes(StandardCharsets.UTF_8).length);
		Matcher specifier = SPECIFIER.matcher(source);
		while (specifier.find()) {
			load(resolve(specifier.group(1), url, imports), url, imports, loaded);
		}
	}

	/**
	 * As the browser: relative to the importer, else absolute, else by the import map.
	 */
	private static String resolve(String specifier, String importer, Map<String, String> imports) {
		if (specifier.startsWith("./") || specifier.startsWith("../")) {
			return URI.create(importer).resolve(specifier).toString();
		}
		if (specifier.startsWith("/")) {
			return specifier;
		}
		if (imports.containsKey(specifier)) {
			return imports.get(specifier);
		}
		return imports.entrySet()
			.stream()
			.filter(entry -> entry.getKey().endsWith("/") && specifier.startsWith(entry.getKey()))
			.map(entry -> entry.getValue() + specifier.substring(entry.getKey().length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("nothing in the import map for " + specifier + " of " + importer));
	}

	/** What the gateway serves at a path: its static files, and the WebJars. */
	private static Optional<String> text(String url) throws IOException {
		String resource = url.startsWith("/webjars/") ? "META-INF/resources" + url : "static" + url;
		try (InputStream in = ConsoleScriptsTest.class.getClassLoader().getResourceAsStream(resource)) {
			return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
