package org.decoop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The whole system on one machine with one command and no Docker: the real Keycloak
 * (realm {@code decoop}), a real Kafka broker run from Kafka's own server classes (KRaft,
 * its own process), the development store (local-store: mongo-java-server keeping its
 * data on disk, H2), Zipkin, GreenMail, the three services (one or two instances of each)
 * as separate processes on their default ports and the gateway in front of them, each a
 * {@link Component}. Each logs to {@code .decoop/logs/}. A part that dies is started
 * again. Ctrl-C or SIGTERM stops everything.
 */
public final class LocalStack {

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private static final Duration RESTART_BACKOFF = Duration.ofSeconds(15);

	private final StackOptions options;

	private final Map<String, Long> lastRestart = new ConcurrentHashMap<>();

	/** Absent until {@link #assemble}. */
	private volatile @Nullable Parts parts;

	private volatile @Nullable ScheduledExecutorService supervisor;

	private volatile boolean stopping;

	/**
	 * Set first thing on Ctrl-C / SIGTERM, before children killed by the same signal make
	 * the start fail.
	 */
	private volatile boolean shuttingDown;

	LocalStack(StackOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		// The broker and the services log to their own files; keep this console to the
		// stack's own lines.
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
		System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel", "error");
		StackOptions options;
		try {
			options = StackOptions.parse(List.of(args));
		}
		catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.exit(2);
			return;
		}
		LocalStack stack = new LocalStack(options);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stack.shuttingDown = true;
			stack.stop();
			stopped.countDown();
		}, "local-stack-stop"));
		try {
			stack.start();
			if (options.demo()) {
				new Demo(options).load();
			}
			System.out.println(stack.welcome());
		}
		catch (Exception e) {
			if (stack.shuttingDown) {
				// Ctrl-C while starting: the shutdown hook stops everything; what failed
				// meanwhile is its doing.
				stopped.await();
				return;
			}
			System.err.println("The stack did not start: " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
			System.err.println("Logs: " + options.logs());
			System.exit(1);
		}
		stopped.await();
	}

	/**
	 * The parts, with the secrets kept in the home ({@code --fresh}: new data, new
	 * secrets).
	 */
	void assemble() throws IOException {
		if (options.fresh()) {
			deleteRecursively(options.data());
			// New data, new secrets: the old key would only decrypt webhook secrets that
			// are gone.
			Files.deleteIfExists(options.home().resolve("credentials.properties"));
		}
		Files.createDirectories(options.data());
		Files.createDirectories(options.logs());
		Credentials credentials = Credentials.in(options.home());
		Keycloak keycloak = new Keycloak(options);
		List<Service> services = IntStream.rangeClosed(1, options.replicas())
			.boxed()
			.flatMap(instance -> Service.NAMES.stream()
				.map(name -> new Service(name, instance, options, credentials, keycloak)))
			.toList();
		parts = new Parts(keycloak, new Zipkin(options), new GreenMail(options), new Store(options),
				new KafkaBroker(options, credentials), services, new Gateway(options, credentials, keycloak, services));
	}

	/** The stack's parts, once {@link #assemble assembled}. */
	private record Parts(Keycloak keycloak, Zipkin zipkin, GreenMail mail, Store store, KafkaBroker kafka,
			List<Service> services, Gateway gateway) {

		/**
		 * Every part, in the order they start: the services need the store and the broker
		 * ready.
		 */
		List<Component> all() {
			List<Component> parts = new ArrayList<>(List.of(keycloak, zipkin, mail, store, kafka));
			parts.addAll(services);
			parts.add(gateway);
			return parts;
		}
	}

	Gateway gateway() {
		return parts().gateway();
	}

	private Parts parts() {
		Parts assembled = parts;
		if (assembled == null) {
			throw new IllegalStateException("The stack is not assembled");
		}
		return assembled;
	}

	void start() throws Exception {
		warnIfOpen();
		assemble();
		Parts parts = parts();
		Keycloak keycloak = parts.keycloak();
		Store store = parts.store();
		KafkaBroker kafka = parts.kafka();
		List<Service> services = parts.services();
		// the quick checks first (the services' jars are built), Keycloak's unpacking
		// last
		for (Component part : parts.all().reversed()) {
			part.prepare();
		}
		// The home holds secrets (Keycloak's realm keys, the store, passwords): its
		// owner's only, what the stack
		// just made and what an earlier version left readable; the children write with
		// umask 077 from here on.
		OwnerOnly.restrict(options.home());
		// Keycloak takes longest: it starts first and comes up while the rest does.
		keycloak.start();
		parts.zipkin().start();
		parts.mail().start();
		store.start();
		store.awaitReady();
		kafka.start();
		kafka.awaitReady();
		// the gateway first: it serves as soon as an instance of a service is ready
		parts.gateway().start();
		// the first instance of each, then the second: six JVMs starting at once on a
		// small machine would take longer than three and three
		for (int instance = 1; instance <= options.replicas(); instance++) {
			List<Service> these = services.subList((instance - 1) * Service.NAMES.size(),
					instance * Service.NAMES.size());
			for (Service service : these) {
				service.start();
			}
			for (Service service : these) {
				service.awaitReady();
			}
		}
		parts.gateway().awaitReady();
		keycloak.awaitReady();
		ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "local-stack-supervisor");
			thread.setDaemon(true);
			return thread;
		});
		supervisor = restarts;
		restarts.scheduleWithFixedDelay(this::restartWhatStopped, 2, 2, TimeUnit.SECONDS);
	}

	/**
	 * Starts again, with its data, whatever stopped on its own: a service, the broker
	 * (commands are still accepted meanwhile; their events wait in the outbox), the store
	 * or Keycloak.
	 */
	private void restartWhatStopped() {
		long now = System.nanoTime();
		for (Component part : parts().all()) {
			// At most one restart per process every RESTART_BACKOFF: one that cannot
			// start does not spin.
			Long last = lastRestart.get(part.name());
			if (!stopping && part.stoppedOnItsOwn() && (last == null || now - last > RESTART_BACKOFF.toNanos())) {
				lastRestart.put(part.name(), now);
				try {
					log("%s stopped unexpectedly; starting it again (its data is kept)", part.name());
					part.restart();
				}
				catch (IOException e) {
					log("could not restart %s: %s", part.name(),
							Objects.requireNonNullElse(e.getMessage(), e.toString()));
				}
			}
		}
	}

	/**
	 * Said first and in the welcome: with --bind=0.0.0.0, anyone on the network can sign
	 * in as the demo users.
	 */
	private void warnIfOpen() {
		if (options.openToTheNetwork()) {
			System.out.println(openWarning());
		}
	}

	private String openWarning() {
		String line = "!".repeat(100);
		return String.join("\n", line,
				"!! --bind=%s: EVERY PART OF THE STACK LISTENS ON EVERY INTERFACE. Anyone who can reach this machine can"
					.formatted(options.bind()),
				"!! get a token as embassy, skgo or ops (demo password: decoop), read and write the store and Kafka's",
				"!! topics, and make notification-service send webhooks to private addresses. Use it on a trusted network only.",
				line);
	}

	/**
	 * What the console says once everything is ready: where each part is and how to use
	 * it.
	 */
	String welcome() {
		Parts parts = parts();
		StringBuilder text = new StringBuilder("\ndecoop is running.\n\n");
		text.append(parts.gateway().describe());
		parts.services().forEach(service -> text.append(service.describe()));
		for (Component part : List.of(parts.kafka(), parts.store(), parts.keycloak(), parts.zipkin(), parts.mail())) {
			text.append(part.describe());
		}
		text.append(Component.row("logs", options.logs().toString())).append("\n");
		text.append(options.openToTheNetwork() ? openWarning() + "\n\n"
				: "  Everything listens on 127.0.0.1 only (--bind=0.0.0.0 opens it to the network).\n\n");
		text.append(parts.keycloak().instructions()).append(parts.kafka().instructions());
		text.append("\nCtrl-C stops everything; the data stays for the next start (--fresh wipes it).\n");
		return text.toString();
	}

	/**
	 * Stops the services, then the broker, then the store; safe to call more than once.
	 */
	synchronized void stop() {
		if (stopping) {
			return;
		}
		stopping = true;
		log("stopping");
		ScheduledExecutorService restarts = supervisor;
		if (restarts != null) {
			restarts.shutdownNow();
		}
		Parts parts = this.parts;
		if (parts == null) {
			// stopped before anything was assembled: nothing runs
			log("stopped");
			return;
		}
		// the services and what nothing else depends on stop together; then the broker,
		// then the store
		List<Thread> stops = new ArrayList<>();
		Stream
			.concat(parts.services().stream(),
					Stream.of(parts.gateway(), parts.keycloak(), parts.zipkin(), parts.mail()))
			.forEach(part -> {
				Thread thread = new Thread(() -> part.stop(STOP_GRACE), "stop-" + part.name());
				thread.start();
				stops.add(thread);
			});
		stops.forEach(LocalStack::join);
		Stream.of(parts.kafka(), parts.store()).forEach(part -> part.stop(STOP_GRACE));
		log("stopped");
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			paths.sorted(Comparator.reverseOrder()).forEach(file -> {
				try {
					Files.delete(file);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	static void log(String format, Object... args) {
		System.out.printf("[local-stack] " + format + "%n", args);
	}

}
