package org.decoop.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A part run from an exec jar runs its own jar, and says what happened in the log named
 * after it, where the operator looks when it does not come up.
 */
class ExecJarComponentTest {

	@TempDir
	Path home;

	@Test
	void runsItsJarAndLogsUnderItsName() throws Exception {
		StackOptions options = StackOptions.parse(List.of("--home=" + home, "--jars=" + home));
		Files.createDirectories(options.logs());
		Path log = options.logs().resolve("zipkin.log");
		Zipkin zipkin = new Zipkin(options);
		try {
			// no jar was built here: the JVM says which one it could not open
			zipkin.start();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(Files.readString(log))
					.contains(Path.of("local-stack", "target", "zipkin", "zipkin.jar").toString()));
		}
		finally {
			zipkin.stop(Duration.ofSeconds(5));
		}
	}

}
