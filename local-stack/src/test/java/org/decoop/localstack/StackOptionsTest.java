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
