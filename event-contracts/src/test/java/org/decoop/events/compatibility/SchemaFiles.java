package org.decoop.events.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event schemas as files: a directory holds one {@code <Event>.json} per event; the
 * released versions are the directories {@code 1}, {@code 2}, ... under
 * {@code schemas/released/}, each with a {@code SHA256SUMS} file (the format of
 * {@code sha256sum}) that pins it as it was released.
 */
final class SchemaFiles {

	static final String CHECKSUMS = "SHA256SUMS";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SchemaFiles() {
	}

	/** A directory of the test classpath, e.g. {@code /schemas/released}. */
	static Path onClasspath(String resource) {
		try {
			return Path.of(SchemaFiles.class.getResource(resource).toURI());
		}
		catch (URISyntaxException | NullPointerException e) {
			throw new IllegalStateException("Missing test resource directory " + resource, e);
		}
	}

	/**
	 * The schemas of one directory by event name ({@code PlanSigned}), sub-directories
	 * left out.
	 */
	static Map<String, JsonNode> read(Path directory) {
		Map<String, JsonNode> schemas = new TreeMap<>();
		for (Path file : jsonFiles(directory)) {
			schemas.put(file.getFileName().toString().replaceFirst("\\.json$", ""), JSON.readTree(file));
		}
		return schemas;
	}

	/**
	 * The released versions, oldest first: the numbered directories under
	 * {@code released}.
	 */
	static List<Integer> versions(Path released) {
		try (Stream<Path> entries = Files.list(released)) {
			return entries.filter(Files::isDirectory)
				.map(entry -> entry.getFileName().toString())
				.filter(name -> name.matches("[1-9][0-9]*"))
				.map(Integer::valueOf)
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static int latest(Path released) {
		List<Integer> versions = versions(released);
		if (versions.isEmpty()) {
			throw new IllegalStateException("No released version under " + released);
		}
		return versions.getLast();
	}

	/** SHA-256 of each schema file of a directory, by file name. */
	static Map<String, String> checksums(Path directory) {
		Map<String, String> checksums = new TreeMap<>();
		for (Path file : jsonFiles(directory)) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
				checksums.put(file.getFileName().toString(), HexFormat.of().formatHex(digest));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}
		return checksums;
	}

	/**
	 * The checksums recorded in a released version's {@code SHA256SUMS}, by file name.
	 */
	static Map<String, String> recordedChecksums(Path directory) {
		Map<String, String> checksums = new TreeMap<>();
		try {
			for (String line : Files.readAllLines(directory.resolve(CHECKSUMS))) {
				if (!line.isBlank()) {
					String[] parts = line.strip().split("\\s+\\*?", 2);
					checksums.put(parts[1], parts[0]);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return checksums;
	}

	/**
	 * {@code SHA256SUMS} content for the given checksums, as {@code sha256sum *.json}
	 * writes it.
	 */
	static String checksumsFile(Map<String, String> checksums) {
		StringBuilder text = new StringBuilder();
		checksums.forEach((file, sum) -> text.append(sum).append("  ").append(file).append('\n'));
		return text.toString();
	}

	private static List<Path> jsonFiles(Path directory) {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(Files::isRegularFile)
				.filter(file -> file.getFileName().toString().endsWith(".json"))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
