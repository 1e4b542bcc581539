package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A service under hostile requests derived from its own OpenAPI document
 * ({@link ApiFuzzer}): never a 5xx, never a dropped connection, never a Java name in an
 * answer; and that document as a client needs it. A service's test extends this with its
 * {@code @SpringBootTest} set-up.
 */
public abstract class ApiFuzzing {

	@LocalServerPort
	protected int port;

	/**
	 * The service's name, as in its OpenAPI title ({@code decoop <name>}) and its fuzz
	 * summary file.
	 */
	protected abstract String service();

	@Test
	void answersEveryHostileRequestWithAClientErrorOrSuccessNeverA5xxNorAJavaName() {
		ApiFuzzer.Summary summary = ApiFuzzer.fromSettings()
			.as(TestTokens.shared().steward("fuzzer", "SKGO", "AMBAFRANCE-RS", "FR-NEVERS", "RS-SREMSKA-MITROVICA"))
			.run(service(), "http://localhost:" + port)
			.report();

		assertThat(summary.requests()).as("operations found in the OpenAPI document").isGreaterThan(100);
		assertThat(summary.findings()).as(summary.describe()).isEmpty();
	}

	@Test
	void documentsItsApiForClients() {
		JsonNode document = ServiceApi.onPort(port).get("/v3/api-docs").json();

		assertThat(document.at("/info/title").asString()).isEqualTo("decoop " + service());
		assertThat(document.at("/info/description").asString()).isNotBlank();
		assertThat(document.at("/components/schemas").propertyNames()).doesNotContain("JsonNode", "SseEmitter",
				"ResponseEntity");
		document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			JsonNode responses = operation.getValue().get("responses");
			assertThat(responses.propertyNames()).as(path.getKey()).doesNotContain("500");
			responses.properties()
				.stream()
				.filter(response -> response.getKey().startsWith("4"))
				.forEach(problem -> assertThat(
						problem.getValue().at("/content/application~1problem+json/schema/$ref").asString())
					.as(operation.getKey() + " " + path.getKey() + " " + problem.getKey())
					.isEqualTo("#/components/schemas/Problem"));
		}));
	}

}
