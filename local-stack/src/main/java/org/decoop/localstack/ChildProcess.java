package org.decoop.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One process of the stack (the broker, a service), logging to its own file; what it
 * writes is its owner's only.
 */
final class ChildProcess {

	private static final String LEAN_JVM = "-XX:TrimNativeHeapInterval=10000 -XX:G1PeriodicGCInterval=30000";

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	/** Absent until it is started. */
	private volatile @Nullable Process process;

	/** Where it runs: the launcher's own directory unless said otherwise. */
	private final Path directory;

	ChildProcess(String name, List<String> command, Map<String, String> environment, Path log) {
		this(name, command, environment, log, Path.of("").toAbsolutePath());
	}

	ChildProcess(String name, List<String> command, Map<String, String> environment, Path log, Path directory) {
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.log = log.toAbsolutePath();
		this.directory = directory;
	}

	synchronized void start() throws IOException {
		OwnerOnly.createFile(log);
		List<String> ownerOnly = new ArrayList<>(OwnerOnly.UMASK_077);
		ownerOnly.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(ownerOnly).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		// The stack's memory: glibc gives each thread that allocates an arena of its own
		// (two are plenty for a
		// JVM, whose heap is its own); every JVM hands freed native memory back to the
		// system, and Keycloak's
		// (G1, kc.sh's choice) its unused heap when it is idle.
		builder.environment().put("MALLOC_ARENA_MAX", "2");
		builder.environment().merge("JDK_JAVA_OPTIONS", LEAN_JVM, (theirs, ours) -> theirs + " " + ours);
		builder.environment().putAll(environment);
		process = builder.start();
	}

	boolean isAlive() {
		Process current = process;
		return current != null && current.isAlive();
	}

	/**
	 * @throws IllegalStateException when it was never started
	 */
	long pid() {
		Process current = process;
		if (current == null) {
			throw new IllegalStateException(name + " was never started");
		}
		return current.pid();
	}

	String name() {
		return name;
	}

	Path log() {
		return log;
	}

	/**
	 * SIGTERM (graceful shutdown), then SIGKILL for it and anything it started if it does
	 * not end in time.
	 */
	synchronized void stop(Duration grace) {
		Process current = process;
		if (current == null || !current.isAlive()) {
			return;
		}
		current.destroy();
		try {
			if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				current.descendants().forEach(ProcessHandle::destroyForcibly);
				current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			current.destroyForcibly();
		}
	}

}
