package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's {@code java -jar local-stack/target/local-stack.jar}, typed on a machine
 * whose default {@code java} is older than the stack's 21 (Debian 12's 17): the built jar
 * starts, finds a newer JDK and runs the stack on it.
 */
class LauncherIT {

	@Test
	void anOldJavaRunsTheStackOnANewerJdkAndSaysWhichFirst() throws Exception {
		Optional<Path> oldJava = olderJdkInstalled();
		assumeTrue(oldJava.isPresent(), "no JDK older than 21 in /usr/lib/jvm to start the jar with");

		// An unknown option: the stack itself (compiled for 21) answers it, without
		// starting anything.
		Process launched = new ProcessBuilder(oldJava.get().resolve("bin/java").toString(), "-jar",
				Path.of("target", "local-stack.jar").toString(), "--no-such-option")
			.redirectErrorStream(true)
			.start();
		launched.getOutputStream().close();
		assertThat(launched.waitFor(60, TimeUnit.SECONDS)).isTrue();
		List<String> lines = new String(launched.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.toList();

		assertThat(lines).first()
			.asString()
			.startsWith("JDK: ")
			.doesNotContain(oldJava.get().toString())
			.contains("this java is");
		assertThat(lines).as("the stack ran, on the newer JDK").contains("Unknown option --no-such-option");
		assertThat(launched.exitValue()).as("the stack's own exit code").isEqualTo(2);
	}

	private static Optional<Path> olderJdkInstalled() throws IOException {
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> homes = Files.list(jvms)) {
			return homes.filter(home -> Launcher.Jdk.at(home).filter(jdk -> !jdk.suffices()).isPresent()).findFirst();
		}
	}

}
