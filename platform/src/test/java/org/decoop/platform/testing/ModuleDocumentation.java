package org.decoop.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * A service's module documentation, written by Spring Modulith's {@link Documenter} (the
 * component diagram of its features, one diagram and one canvas per feature, in PlantUML
 * and AsciiDoc) and committed in {@code docs/modules/<service>/}. The build writes it
 * afresh into {@code target/module-docs} and fails when the committed files differ, so
 * the picture cannot drift from the code; {@code -Ddecoop.docs.update=true} writes it
 * over the committed files instead.
 */
public final class ModuleDocumentation {

	/**
	 * The system property that rewrites the committed documentation rather than checking
	 * it.
	 */
	public static final String UPDATE = "decoop.docs.update";

	private ModuleDocumentation() {
	}

	/**
	 * Checks (or, with {@value #UPDATE}, rewrites) {@code docs/modules/<service>}; run
	 * from the service's module folder.
	 */
	public static void assertCommitted(ApplicationModules modules, String service) {
		Path generated = Path.of("target", "module-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
		Path committed = Path.of("..", "docs", "modules", service);
		Map<String, String> fresh = new TreeMap<>();
		read(generated).forEach((name, text) -> fresh.put(name, inStableOrder(text)));
		if (Boolean.getBoolean(UPDATE)) {
			write(committed, fresh);
			return;
		}
		Map<String, String> kept = read(committed);
		TreeSet<String> differing = Stream.concat(fresh.keySet().stream(), kept.keySet().stream())
			.filter(name -> !Objects.equals(fresh.get(name), kept.get(name)))
			.collect(Collectors.toCollection(TreeSet::new));
		if (!differing.isEmpty()) {
			throw new AssertionError(
					("docs/modules/%s is not what the code says (%s differ: compare with %s/target/module-docs). "
							+ "Regenerate it with: ./mvnw -pl %s -am test -Dtest=ModularityTest -Dsurefire.failIfNoSpecifiedTests=false "
							+ "-D%s=true, and commit it")
						.formatted(service, differing, service, service, UPDATE));
		}
	}

	/**
	 * The Documenter lists a diagram's components and relations in the order of a hash
	 * set, which changes from run to run: each run of them is sorted, so the same code
	 * gives the same files.
	 */
	static String inStableOrder(String text) {
		List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
		for (int start = 0; start < lines.size(); start++) {
			int end = start;
			while (end < lines.size() && isListed(lines.get(end))) {
				end++;
			}
			Collections.sort(lines.subList(start, end));
			start = end;
		}
		return String.join("\n", lines);
	}

	private static boolean isListed(String line) {
		String trimmed = line.strip();
		return trimmed.startsWith("Rel(") || trimmed.startsWith("Component(");
	}

	private static Map<String, String> read(Path folder) {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> listed = Files.list(folder)) {
			for (Path file : listed.filter(Files::isRegularFile).toList()) {
				files.put(file.getFileName().toString(), Files.readString(file));
			}
			return files;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(Path folder, Map<String, String> files) {
		try {
			Files.createDirectories(folder);
			for (String stale : read(folder).keySet()) {
				if (!files.containsKey(stale)) {
					Files.delete(folder.resolve(stale));
				}
			}
			for (Map.Entry<String, String> file : files.entrySet()) {
				Files.writeString(folder.resolve(file.getKey()), file.getValue());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
