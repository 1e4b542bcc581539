package org.decoop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the gateway answers itself when a service cannot be reached: problem details, even
 * to a browser that asks for HTML.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.loadbalancer.health-check.interval=1h",
				"management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans" })
class GatewayFailuresTest {

	// the one service with an instance up, until a test stops it
	static final Backend partnerships = Backend.start("partnerships");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		Backend.register(registry, "partnership-service", partnerships::uri);
		Backend.register(registry, "plan-service", Backend::nothingListening);
		Backend.register(registry, "notification-service", Backend::nothingListening);
	}

	@AfterAll
	static void stop() {
		partnerships.close();
	}

	@Test
	void noInstanceUpIsA503Problem() throws Exception {
		HttpResponse<String> response = send("GET", "/api/plans");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":503", "\"instance\":\"/api/plans\"");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void noInstanceReachableIsA502Problem() throws Exception {
		// the instance passed its health check, then died
		await().until(() -> send("GET", "/api/partnerships").statusCode() == 200);
		partnerships.close();
		HttpResponse<String> response = send("POST", "/api/partnerships");
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":502", "was not applied");
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.method(method, HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
