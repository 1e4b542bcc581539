package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The stack's options: every port its own, Keycloak's management port included. */
class StackOptionsTest {

	@Test
	void takesTheDefaultsAndAKeycloakPort() {
		assertThat(StackOptions.parse(List.of()).keycloakPort()).isEqualTo(8180);
		assertThat(StackOptions.parse(List.of("--keycloak-port=18180")).keycloakPort()).isEqualTo(18180);
	}

	@Test
	void runsOneInstanceOfEachServiceUnlessAskedForTwo() {
		assertThat(StackOptions.parse(List.of()).replicas()).isEqualTo(1);
		StackOptions two = StackOptions.parse(List.of("--replicas=2"));
		assertThat(two.replicas()).isEqualTo(2);
		assertThat(two.servicePort("partnership-service", 1)).isEqualTo(8081);
		assertThat(two.servicePort("partnership-service", 2)).isEqualTo(8181);
		assertThat(two.servicePort("notification-service", 2)).isEqualTo(8183);
		assertThat(two.gatewayPort()).isEqualTo(8080);
		assertThatThrownBy(() -> StackOptions.parse(List.of("--replicas=3"))).hasMessageContaining("1 or 2");
		assertThatThrownBy(() -> StackOptions.parse(List.of("--replicas=2", "--gateway-port=8182")))
			.as("plan-service's second instance listens there")
			.hasMessageContaining("Two of the stack's ports");
	}

	@Test
	void refusesPortsThatWouldClash() {
		assertThatThrownBy(() -> StackOptions.parse(List.of("--keycloak-port=8092")))
			.as("its management port would be Kafka's 9092")
			.hasMessageContaining("Two of the stack's ports are the same");
		assertThatThrownBy(() -> StackOptions.parse(List.of("--plan-port=8081")))
			.hasMessageContaining("Two of the stack's ports");
		assertThatThrownBy(() -> StackOptions.parse(List.of("--keycloak-port=65000")))
			.hasMessageContaining("management port");
	}

}
