package org.decoop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
			// as it was trained: from target/aot, which the cache names its class path
			// relative to (the checkout may move)
			command.add("-XX:AOTCache=" + cache().getFileName());
			command.addAll(List.of("-jar", jar.getFileName().toString()));
		}
		else {
			command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		}
		return command;
	}

	/** Where it runs: {@code target/aot} with its cache, else anywhere. */
	Path directory() {
		return cached() ? jar.toAbsolutePath().resolveSibling("aot") : Path.of("").toAbsolutePath();
	}

	/** Its process, logging to {@code log}. */
	ChildProcess process(String name, List<String> jvmOptions, Map<String, String> environment, Path log) {
		return new ChildProcess(name, command(jvmOptions), environment, log, directory());
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
