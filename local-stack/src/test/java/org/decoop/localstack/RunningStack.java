package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one stack of this module's integration tests (LocalStackSystemIT and the console's
 * browser tests), started as a user starts it ({@code java -jar local-stack.jar --demo},
 * two instances of each service) on ports of its own, once per JVM: the first test class
 * that asks for it starts it, JUnit stops it (SIGTERM) when the run ends. A class asks
 * with {@code @ExtendWith(RunningStack.Extension.class)} and takes it as a parameter (of
 * a {@code @BeforeAll} method, say).
 */
final class RunningStack implements AutoCloseable {

	static final int KAFKA = 19092;

	static final int PARTNERSHIPS = 18081;

	static final int PLANS = 18082;

	static final int NOTIFICATIONS = 18083;

	static final int KEYCLOAK = 18180;

	static final int GATEWAY = 18080;

	static final String GATEWAY_URL = "http://localhost:" + GATEWAY;

	static final String ISSUER = "http://localhost:" + KEYCLOAK + "/realms/decoop";

	/** Everything the stack printed, line by line. */
	final List<String> output = new CopyOnWriteArrayList<>();

	final Process process;

	private RunningStack() throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder starting = new ProcessBuilder(java, "-jar", Path.of("target", "local-stack.jar").toString(),
				"--fresh", "--demo", "--home=" + Path.of("target", "system-test"), "--jars=..", "--kafka-port=" + KAFKA,
				"--kafka-controller-port=19093", "--mongo-port=27018", "--partnership-port=" + PARTNERSHIPS,
				"--plan-port=" + PLANS, "--notification-port=" + NOTIFICATIONS, "--keycloak-port=" + KEYCLOAK,
				"--zipkin-port=19411", "--smtp-port=11025", "--mail-port=18025", "--gateway-port=" + GATEWAY,
				"--replicas=2")
			.redirectErrorStream(true);
		// the services inherit the stack's environment: a command whose instance died
		// mid-request may run again after 10 s instead of the default minute
		starting.environment().put("DECOOP_IDEMPOTENCY_CLAIM_TIMEOUT", "10s");
		process = starting.start();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				lines.lines().forEach(line -> {
					output.add(line);
					System.out.println(line);
				});
			}
			catch (IOException | UncheckedIOException ended) {
				// the stack stopped
			}
		}, "stack-output");
		reader.setDaemon(true);
		reader.start();
		await().atMost(Duration.ofMinutes(8))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> output.contains("decoop is running.") || !process.isAlive());
		assertThat(process.isAlive()).as(String.join("\n", output)).isTrue();
	}

	/** Stops it as Ctrl-C does: every process it started is gone afterwards. */
	@Override
	public void close() throws Exception {
		List<ProcessHandle> children = process.descendants().toList();
		process.destroy();
		assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the stack stops on SIGTERM").isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
	}

	/** Gives the running stack to a test class, starting it the first time. */
	static final class Extension implements ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
			.create(RunningStack.class);

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == RunningStack.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			// the root's store: one stack for every class, closed when the run ends
			return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningStack.class, key -> {
				try {
					return new RunningStack();
				}
				catch (IOException e) {
					throw new IllegalStateException("the stack did not start", e);
				}
			}, RunningStack.class);
		}

	}

}
