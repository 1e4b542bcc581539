package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway is told every instance the stack runs, at the address each listens on. */
class GatewayComponentTest {

	@TempDir
	Path home;

	@Test
	void knowsEveryInstanceOfEachService() throws Exception {
		LocalStack stack = new LocalStack(
				StackOptions.parse(List.of("--home=" + home, "--replicas=2", "--gateway-port=18080")));
		stack.assemble();
		Gateway gateway = stack.gateway();

		assertThat(gateway.environment()).containsEntry("SERVER_PORT", "18080")
			.containsEntry("SERVER_ADDRESS", "127.0.0.1")
			.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://localhost:9411/api/v2/spans")
			.containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0")
			// the console's sign-in: the stack's own secret for decoop-console,
			// Keycloak's realm
			.containsEntry("DECOOP_CONSOLE_CLIENT_SECRET", Credentials.in(home).get(Credentials.CONSOLE_CLIENT_SECRET))
			.containsEntry("DECOOP_CONSOLE_ISSUER", "http://localhost:8180/realms/decoop");
		assertThat(Credentials.in(home).get(Credentials.CONSOLE_CLIENT_SECRET)).hasSizeGreaterThanOrEqualTo(32);
		JsonNode instances = JsonMapper.builder()
			.build()
			.readTree(gateway.environment().get("SPRING_APPLICATION_JSON"))
			.get("spring.cloud.discovery.client.simple.instances");
		assertThat(instances.get("partnership-service").valueStream().map(instance -> instance.get("uri").asString()))
			.containsExactly("http://127.0.0.1:8081", "http://127.0.0.1:8181");
		assertThat(instances.get("plan-service").valueStream().map(instance -> instance.get("uri").asString()))
			.containsExactly("http://127.0.0.1:8082", "http://127.0.0.1:8182");
		assertThat(instances.get("notification-service").valueStream().map(instance -> instance.get("uri").asString()))
			.containsExactly("http://127.0.0.1:8083", "http://127.0.0.1:8183");
	}

}
