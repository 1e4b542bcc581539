package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.decoop.platform.testing.ComposeFile;
import org.junit.jupiter.api.Test;

/**
 * Compose publishes nothing beyond this machine unless the operator says so
 * (DECOOP_BIND): Keycloak's dev realm has known passwords, and Kafka UI and Mailpit have
 * no sign-in at all.
 */
class ComposeExposureTest {

	@Test
	void everyPublishedPortListensOnLoopbackUnlessOpenedOnPurpose() {
		for (String file : List.of("docker-compose.yml", "docker-compose.ports.yml")) {
			ComposeFile compose = ComposeFile.atProjectRoot(file);
			List<String> published = compose.serviceNames()
				.stream()
				.flatMap(name -> compose.publishedPorts(name).stream().map(port -> name + " " + port))
				.toList();
			assertThat(published).as(file)
				.isNotEmpty()
				.allSatisfy(port -> assertThat(port)
					.matches("[a-z0-9-]+ (127\\.0\\.0\\.1|\\$\\{DECOOP_BIND:-127\\.0\\.0\\.1}):\\d+:\\d+"));
		}
	}

}
