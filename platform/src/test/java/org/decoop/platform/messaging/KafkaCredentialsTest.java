package org.decoop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/**
 * One username and password sign in every Kafka client of a service: Boot's and the
 * binder's.
 */
class KafkaCredentialsTest {

	@Test
	void givesBootsClientsAndTheBindersTheSameScramLogin() {
		MockEnvironment environment = new MockEnvironment().withProperty("decoop.kafka.username", "plan-service")
			.withProperty("decoop.kafka.password", "s3cr\"et");

		new KafkaCredentials().postProcessEnvironment(environment, null);

		Binder binder = Binder.get(environment);
		Map<String, String> boot = binder.bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
			.get();
		Map<String, String> binderConfiguration = binder
			.bind("spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class))
			.get();
		for (Map<String, String> client : java.util.List.of(boot, binderConfiguration)) {
			assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT")
				.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
				.containsEntry("sasl.jaas.config",
						"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"plan-service\" password=\"s3cr\\\"et\";");
		}
		assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
	}

	@Test
	void leavesAnUnsecuredBrokerAloneAndRefusesAUsernameWithoutPassword() {
		MockEnvironment none = new MockEnvironment();
		new KafkaCredentials().postProcessEnvironment(none, null);
		assertThat(none.getProperty("spring.kafka.security.protocol")).isNull();

		MockEnvironment half = new MockEnvironment().withProperty("decoop.kafka.username", "plan-service");
		assertThatThrownBy(() -> new KafkaCredentials().postProcessEnvironment(half, null))
			.hasMessageContaining("DECOOP_KAFKA_PASSWORD");
	}

}
