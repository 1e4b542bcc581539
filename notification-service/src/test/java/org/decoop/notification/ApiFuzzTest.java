package org.decoop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.decoop.platform.testing.ApiFuzzer;
import org.decoop.platform.testing.EnabledOnTestInfrastructure;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * notification-service under hostile requests derived from its own OpenAPI document (seed and corpus in
 * the platform test-jar's {@code fuzz/}): never a 5xx, never a dropped connection, never a Java
 * name in an answer. The summary is written to {@code target/fuzz/notification-service.txt}.
 */
@EnabledOnTestInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.current().springProperties("notifications-fuzz").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Test
    void answersEveryHostileRequestWithAClientErrorOrSuccessNeverA5xxNorAJavaName() {
        ApiFuzzer.Summary summary = ApiFuzzer.fromSettings().run("notification-service", "http://localhost:" + port).report();

        assertThat(summary.requests()).as("operations found in the OpenAPI document").isGreaterThan(100);
        assertThat(summary.findings()).as(summary.describe()).isEmpty();
    }

    @Test
    void documentsItsApiForClients() {
        JsonNode document = ServiceApi.onPort(port).get("/v3/api-docs").json();

        assertThat(document.at("/info/title").asString()).isEqualTo("decoop notification-service");
        assertThat(document.at("/info/description").asString()).isNotBlank();
        assertThat(document.at("/components/schemas").propertyNames()).doesNotContain("JsonNode", "SseEmitter", "ResponseEntity");
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().get("responses");
            assertThat(responses.propertyNames()).as(path.getKey()).doesNotContain("500");
            responses.properties().stream().filter(response -> response.getKey().startsWith("4")).forEach(problem ->
                    assertThat(problem.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                            .as(operation.getKey() + " " + path.getKey() + " " + problem.getKey())
                            .isEqualTo("#/components/schemas/Problem"));
        }));
    }
}
