package org.decoop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of stand-in instances (two of partnership-service, one of
 * plan-service, two of notification-service, one of which is not ready), on real ports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
				// checked once, when a service is first asked for: an instance stopped in
				// a
				// test stays listed, as it does in the seconds before the next check
				"spring.cloud.loadbalancer.health-check.interval=1h",
				"management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans" })
class GatewayTest {

	static final Backend partnerships1 = Backend.start("partnerships-1");

	static final Backend partnerships2 = Backend.start("partnerships-2");

	static final Backend plans = Backend.start("plans");

	static final Backend notifications = Backend.start("notifications");

	static final Backend notReady = Backend.start("notifications-not-ready");

	static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		notReady.notReady();
		Backend.register(registry, "partnership-service", partnerships1::uri, partnerships2::uri);
		Backend.register(registry, "plan-service", plans::uri);
		Backend.register(registry, "notification-service", notifications::uri, notReady::uri);
	}

	@AfterAll
	static void stop() {
		Stream.of(partnerships1, partnerships2, plans, notifications, notReady).forEach(Backend::close);
	}

	@Test
	void eachPathGoesToItsService() throws Exception {
		assertThat(get("/api/funding-calls/FC-1?x=1").statusCode()).isEqualTo(200);
		assertThat(plans.at("/api/funding-calls/FC-1?x=1")).hasSize(1);
		assertThat(get("/api/plans").statusCode()).isEqualTo(200);
		assertThat(plans.at("/api/plans")).hasSize(1);
		assertThat(get("/api/subscriptions/S-1/notifications").body()).isEqualTo("notifications");
		HttpResponse<String> authorities = get("/api/local-authorities");
		assertThat(authorities.body()).startsWith("partnerships-");
		assertThat(get("/api/partner-searches/PS-1").body()).startsWith("partnerships-");
		// each service's operations API under its own prefix
		assertThat(get("/ops/plan/dead-letters").statusCode()).isEqualTo(200);
		assertThat(plans.at("/api/ops/dead-letters")).hasSize(1);
		assertThat(get("/ops/notification/read-models/plan_views/rebuild").body()).isEqualTo("notifications");
		assertThat(notifications.at("/api/ops/read-models/plan_views/rebuild")).hasSize(1);
	}

	@Test
	void aPathOfNoServiceIsA404ProblemNotAPage() throws Exception {
		HttpResponse<String> response = http.send(request("/api/nothing").header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":404");
	}

	@Test
	void theOpenApiDocumentsComeThroughTheGatewayNamingItAsTheirServer() throws Exception {
		assertThat(get("/v3/api-docs/notification-service").statusCode()).isEqualTo(200);
		// the service sees the gateway's host, which springdoc writes as the server
		assertThat(notifications.at("/v3/api-docs")).singleElement()
			.satisfies(request -> assertThat(request.header("Host")).isEqualTo("localhost:" + port));
		assertThat(get("/v3/api-docs/gateway/swagger-config").body()).contains("/v3/api-docs/partnership-service",
				"/v3/api-docs/plan-service", "/v3/api-docs/notification-service");
		assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
	}

	@Test
	void aPostThatNeverReachedAnInstanceIsSentToAnother() throws Exception {
		// both instances are in the rotation ...
		await().until(() -> {
			get("/api/partnerships");
			return !partnerships2.at("/api/partnerships").isEmpty();
		});
		// ... then one dies: until the next health check, round robin still picks it for
		// every
		// other request, whose connection is refused
		partnerships2.close();
		List<String> bodies = IntStream.range(0, 6).mapToObj(i -> "{\"n\": %d}".formatted(i)).toList();
		for (String body : bodies) {
			HttpResponse<String> response = http
				.send(request("/api/partnerships").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(201);
			assertThat(response.body()).isEqualTo("partnerships-1");
		}
		// each reached the live instance once, with its body
		assertThat(partnerships1.at("/api/partnerships")
			.stream()
			.filter(request -> request.method().equals("POST"))
			.map(Backend.Received::body)).containsExactlyElementsOf(bodies);
	}

	@Test
	void aTimeoutIsA504ProblemAndIsNotRetried() throws Exception {
		HttpResponse<String> response = post("/api/plans/slow");
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":504", "may have been applied");
		// a retry would have been sent before this answer
		assertThat(plans.at("/api/plans/slow")).hasSize(1);
	}

	@Test
	void aServiceErrorIsPassedOnAndNotRetried() throws Exception {
		HttpResponse<String> response = post("/api/plans/broken");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo("broken in plans");
		assertThat(plans.at("/api/plans/broken")).hasSize(1);
	}

	@Test
	void theTokenPassesUnchangedWithARequestIdAndTheTrace() throws Exception {
		String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJza2dvIn0.c2lnbmF0dXJl";
		HttpResponse<String> response = http.send(
				request("/api/plans/P-1").header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
		Backend.Received received = plans.at("/api/plans/P-1").getFirst();
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
		assertThat(received.header("X-Request-Id")).isNotBlank();
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue(received.header("X-Request-Id"));
		// the service's span is a child of the gateway's
		assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");

		HttpResponse<String> given = http.send(request("/api/plans/P-2").header("X-Request-Id", "abc-123").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(plans.at("/api/plans/P-2").getFirst().header("X-Request-Id")).isEqualTo("abc-123");
		assertThat(given.headers().allValues("X-Request-Id")).containsExactly("abc-123");
	}

	@Test
	void aServerSentEventReachesTheClientWhileTheStreamGoesOn() throws Exception {
		HttpResponse<Stream<String>> response = http.send(
				request("/api/subscriptions/S-1/stream").header("Accept", "text/event-stream").build(),
				HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		Iterator<String> lines = response.body().iterator();
		assertThat(lines.next()).isEqualTo("id: 1");
		// the backend holds its second event until the first is here: buffered, it would
		// arrive
		// only once the stream had ended
		assertThat(notifications.streamEnded).isFalse();
		notifications.releaseStream();
		List<String> rest = Stream.iterate(lines.next(), line -> lines.hasNext() ? lines.next() : null)
			.takeWhile(line -> line != null)
			.toList();
		assertThat(rest).contains("id: 2", "event: second");
	}

	@Test
	void anInstanceThatIsNotReadyReceivesNothing() throws Exception {
		for (int i = 0; i < 6; i++) {
			assertThat(get("/api/subscriptions/S-2").body()).isEqualTo("notifications");
		}
		assertThat(notReady.received).isEmpty();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path) throws IOException, InterruptedException {
		return http.send(request(path).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
	}

}
