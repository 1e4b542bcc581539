package org.decoop.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One part of the stack (the broker, the store, Keycloak, Zipkin, GreenMail, a service):
 * what it needs, its process, when it serves, and its line of the welcome.
 * {@link LocalStack} orders, restarts and stops them.
 */
abstract class Component {

	static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	/** The JVM of the stack: every part runs on it, in a process of its own. */
	static final String JAVA = ProcessHandle.current().info().command().orElse("java");

	/**
	 * The stack's class path (its jar, which names its libraries): the broker's and the
	 * store's classes.
	 */
	static final String CLASS_PATH = System.getProperty("java.class.path");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	/** Absent until it is started. */
	private volatile @Nullable ChildProcess process;

	Component(String name) {
		this.name = name;
	}

	/** How the stack's lines name it: "the Kafka broker", "plan-service". */
	final String name() {
		return name;
	}

	/**
	 * Before anything starts: what it needs is there (a jar the build makes, an unpacked
	 * distribution).
	 */
	void prepare() throws IOException {
	}

	/** Starts its process; what depends on it waits for {@link #awaitReady}. */
	abstract void start() throws Exception;

	/** Returns once it serves; fails when its process stops or the time is up. */
	abstract void awaitReady() throws Exception;

	/** Its line of the welcome: where to reach it. */
	abstract String describe();

	/**
	 * Stops its process (SIGTERM, then SIGKILL after {@code grace}); nothing when it
	 * never started.
	 */
	final void stop(Duration grace) {
		ChildProcess current = process;
		if (current != null) {
			current.stop(grace);
		}
	}

	/** Started once, and its process has ended since: the supervisor starts it again. */
	final boolean stoppedOnItsOwn() {
		ChildProcess current = process;
		return current != null && !current.isAlive();
	}

	/**
	 * Its process again, as it was started: the same command and environment, its data
	 * kept.
	 */
	final void restart() throws IOException {
		process().start();
	}

	/**
	 * @throws IllegalStateException when it was never started
	 */
	final ChildProcess process() {
		ChildProcess current = process;
		if (current == null) {
			throw new IllegalStateException(name + " was never started");
		}
		return current;
	}

	/** Starts {@code child} as this part's process. */
	final ChildProcess run(ChildProcess child) throws IOException {
		process = child;
		child.start();
		return child;
	}

	/** Waits until {@code readiness} answers 200, saying so as {@code label}. */
	final void awaitAnswer(String label, URI readiness) throws InterruptedException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process().isAlive()) {
				throw new IllegalStateException(label + " stopped while starting; see " + process().log());
			}
			try {
				HttpResponse<Void> response = HTTP.send(
						HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					LocalStack.log("%s is ready", label);
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			// often: the parts after it wait for this answer
			TimeUnit.MILLISECONDS.sleep(200);
		}
		throw new IllegalStateException(
				label + " was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + process().log());
	}

	/** A line of the welcome's table. */
	static String row(String label, String text) {
		return "  %-21s %s%n".formatted(label, text);
	}

	/**
	 * {@code file}, which the build puts there; says how to get it when it is missing.
	 */
	static Path built(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(file + " is missing: build first with ./mvnw -B -DskipTests package");
		}
		return file;
	}

}
