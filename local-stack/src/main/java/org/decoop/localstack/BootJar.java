package org.decoop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spring Boot application's jar as the stack runs it: from the extracted form the build
 * trained an AOT cache on ({@code target/aot/<name>.jar} and {@code <name>.aot}, JDK 25+,
 * see docs/performance.md) when that cache is newer than the jar; else the jar itself (a
 * JDK without the cache, a build that skipped it, a jar rebuilt since). The JVM checks
 * the rest itself ({@code -XX:AOTMode=auto}): a cache made by another JDK or for other
 * classes is ignored.
 */
record BootJar(Path jar) {

	/**
	 * The command that runs it on the stack's JVM with {@code jvmOptions}, with its cache
	 * when it has a usable one.
	 */
	List<String> command(List<String> jvmOptions) {
		List<String> command = new ArrayList<>(List.of(Component.JAVA));
		command.addAll(jvmOptions);
		if (cached()) {
			command.add("-XX:AOTCache=" + cache());
			command.addAll(List.of("-jar", extracted().toString()));
		}
		else {
			command.addAll(List.of("-jar", jar.toString()));
		}
		return command;
	}

	/** Whether the build made a cache for this very jar. */
	boolean cached() {
		try {
			return Files.isRegularFile(extracted()) && Files.isRegularFile(cache())
					&& Files.getLastModifiedTime(cache()).compareTo(Files.getLastModifiedTime(jar)) > 0;
		}
		catch (IOException unreadable) {
			return false;
		}
	}

	private Path extracted() {
		return jar.resolveSibling("aot").resolve(jar.getFileName());
	}

	private Path cache() {
		String name = jar.getFileName().toString();
		return jar.resolveSibling("aot").resolve(name.substring(0, name.length() - ".jar".length()) + ".aot");
	}

}
