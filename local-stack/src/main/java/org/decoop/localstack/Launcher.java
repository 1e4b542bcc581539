package org.decoop.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The entry point of {@code java -jar local-stack.jar}, compiled for Java 17 (the pom
 * compiles this one class apart) so that the default {@code java} of Debian 12 can start
 * it. The stack needs 21 or newer: on such a JVM this runs {@link LocalStack} in place;
 * on an older one it finds a JDK 21+ ({@code JAVA_HOME}, then the usual install folders)
 * and runs the stack in a child JVM of that JDK, whose processes (Kafka, the store,
 * Keycloak, the services) all inherit it. It names the JDK in its first line. It refers
 * to no other class of the stack by type: those are compiled for 21, and a Java 17 JVM
 * cannot load them.
 */
public final class Launcher {

	static final int REQUIRED_FEATURE = 21;

	private static final String STACK = "org.decoop.localstack.LocalStack";

	private Launcher() {
	}

	public static void main(String[] args) throws Exception {
		String home = System.getProperty("java.home");
		if (Runtime.version().feature() >= REQUIRED_FEATURE) {
			System.out.println("JDK: " + home + " (" + Runtime.version() + ")");
			Class.forName(STACK).getMethod("main", String[].class).invoke(null, (Object) args);
			return;
		}
		List<Path> folders = usualInstallFolders();
		Optional<Jdk> jdk = find(System.getenv("JAVA_HOME"), folders);
		if (jdk.isEmpty()) {
			System.err.println("decoop's local stack needs Java " + REQUIRED_FEATURE + " or newer, and this java is "
					+ Runtime.version().feature() + " (" + home + "); no JDK " + REQUIRED_FEATURE
					+ "+ was found in JAVA_HOME or in "
					+ folders.stream().map(Path::toString).collect(Collectors.joining(", "))
					+ ": install one, or set JAVA_HOME to it.");
			System.exit(1);
			return;
		}
		System.out.println("JDK: " + jdk.get().home() + " (" + jdk.get().version() + "; this java is "
				+ Runtime.version().feature() + ", so the stack runs on that one)");
		System.exit(runOn(jdk.get(), args));
	}

	/**
	 * Runs the stack in a JVM of {@code jdk}, with this JVM's options, and answers its
	 * exit code.
	 */
	private static int runOn(Jdk jdk, String[] args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(jdk.home().resolve("bin").resolve("java").toString());
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(STACK);
		command.addAll(List.of(args));
		Process stack = new ProcessBuilder(command).inheritIO().start();
		// Ctrl-C reaches both JVMs; a SIGTERM reaches only this one: either way, wait for
		// the stack's own clean stop.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stack.destroy();
			try {
				stack.waitFor(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "local-stack-launcher-stop"));
		return stack.waitFor();
	}

	/**
	 * The JDK to run on: {@code JAVA_HOME} if it is a JDK 21+, else the newest JDK 21+
	 * found in {@code folders} (each holding JDKs, one per subfolder).
	 */
	static Optional<Jdk> find(String javaHome, List<Path> folders) {
		if (javaHome != null && !javaHome.isBlank()) {
			Optional<Jdk> fromEnvironment = Jdk.at(Path.of(javaHome)).filter(Jdk::suffices);
			if (fromEnvironment.isPresent()) {
				return fromEnvironment;
			}
		}
		List<Jdk> found = new ArrayList<>();
		for (Path folder : folders) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
				for (Path child : children) {
					// macOS keeps a JDK's home in Contents/Home of its bundle
					Jdk.at(child)
						.or(() -> Jdk.at(child.resolve("Contents").resolve("Home")))
						.filter(Jdk::suffices)
						.ifPresent(found::add);
				}
			}
			catch (IOException unreadable) {
				// not a place we may look: try the next
			}
		}
		return found.stream().max(Comparator.comparingInt(Jdk::feature).thenComparing(jdk -> jdk.home().toString()));
	}

	private static List<Path> usualInstallFolders() {
		Path user = Path.of(System.getProperty("user.home"));
		return List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"), Path.of("/opt"),
				Path.of("/Library/Java/JavaVirtualMachines"), user.resolve(".sdkman/candidates/java"),
				user.resolve(".jdks"), user.resolve(".m2/jdks"), user.resolve("Library/Java/JavaVirtualMachines"));
	}

	/**
	 * A JDK on disk, known by the {@code release} file every JDK since 9 has at its root.
	 */
	record Jdk(Path home, String version) {

		static Optional<Jdk> at(Path home) {
			Path release = home.resolve("release");
			if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
				return Optional.empty();
			}
			Properties properties = new Properties();
			try (InputStream in = Files.newInputStream(release)) {
				properties.load(in);
			}
			catch (IOException unreadable) {
				return Optional.empty();
			}
			String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "").trim();
			return version.isEmpty() ? Optional.empty()
					: Optional.of(new Jdk(home.toAbsolutePath().normalize(), version));
		}

		/** The feature release: 25 for "25.0.3", 8 for "1.8.0_402". */
		int feature() {
			String[] parts = version.split("[.+_-]");
			try {
				int first = Integer.parseInt(parts[0]);
				return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
			}
			catch (NumberFormatException notAVersion) {
				return 0;
			}
		}

		boolean suffices() {
			return feature() >= REQUIRED_FEATURE;
		}
	}

}
