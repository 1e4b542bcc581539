package org.decoop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

/**
 * What the gateway observes (traces, times): the requests it routes, not the probes of
 * its own readiness nor its health checks of the instances.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans")
class GatewayObservationsTest {

	static final Backend plans = Backend.start("plans");

	static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Started started;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.plan-service[0].uri", plans::uri);
	}

	@AfterAll
	static void stop() {
		plans.close();
	}

	@Test
	void aRoutedRequestIsObservedAndJoinsItsTraceWhileProbesAreNot() throws Exception {
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		// reaching the instance needs the load balancer's health check of it first
		assertThat(get("/api/plans").statusCode()).isEqualTo(200);

		assertThat(started.contexts).filteredOn(ServerRequestObservationContext.class::isInstance)
			.map(context -> ((ServerRequestObservationContext) context).getCarrier().getPath().value())
			.containsExactly("/api/plans");
		assertThat(started.contexts).noneMatch(ClientRequestObservationContext.class::isInstance);
		// the service's span is a child of the gateway's
		assertThat(plans.at("/api/plans")).singleElement()
			.satisfies(request -> assertThat(request.header("traceparent")).startsWith("00-"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		Started started() {
			return new Started();
		}

	}

	/** Every observation started in the gateway. */
	static class Started implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> contexts = new CopyOnWriteArrayList<>();

		@Override
		public void onStart(Observation.Context context) {
			contexts.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
