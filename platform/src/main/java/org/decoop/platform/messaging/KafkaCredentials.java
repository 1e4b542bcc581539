package org.decoop.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Signs the service in to a broker that requires SASL, from two settings:
 * {@code DECOOP_KAFKA_USERNAME} and {@code DECOOP_KAFKA_PASSWORD} (SCRAM-SHA-512 over
 * {@code SASL_PLAINTEXT} unless {@code decoop.kafka.security-protocol} /
 * {@code sasl-mechanism} say otherwise). Every Kafka client of the service needs the same
 * settings, and they are read from two places: Spring Boot's {@code spring.kafka.*} (the
 * outbox relay, the admin) and the Spring Cloud Stream binder's
 * {@code spring.cloud.stream.kafka.binder.configuration} (the consumers and their
 * dead-letter producers). Writing both here keeps them one setting for an operator.
 */
public class KafkaCredentials implements EnvironmentPostProcessor {

	static final String USERNAME = "decoop.kafka.username";
	static final String PASSWORD = "decoop.kafka.password";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String username = environment.getProperty(USERNAME);
		if (username == null || username.isBlank()) {
			return;
		}
		String password = environment.getProperty(PASSWORD);
		if (password == null || password.isBlank()) {
			throw new IllegalStateException("DECOOP_KAFKA_USERNAME (" + USERNAME
					+ ") is set but DECOOP_KAFKA_PASSWORD (" + PASSWORD + ") is not");
		}
		String protocol = environment.getProperty("decoop.kafka.security-protocol", "SASL_PLAINTEXT");
		String mechanism = environment.getProperty("decoop.kafka.sasl-mechanism", "SCRAM-SHA-512");
		String loginModule = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
				: "org.apache.kafka.common.security.plain.PlainLoginModule";
		String jaas = "%s required username=\"%s\" password=\"%s\";".formatted(loginModule, quoted(username),
				quoted(password));

		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("spring.kafka.security.protocol", protocol);
		for (String prefix : new String[] { "spring.kafka.properties",
				"spring.cloud.stream.kafka.binder.configuration" }) {
			settings.put(prefix + "[security.protocol]", protocol);
			settings.put(prefix + "[sasl.mechanism]", mechanism);
			settings.put(prefix + "[sasl.jaas.config]", jaas);
		}
		environment.getPropertySources().addFirst(new MapPropertySource("decoopKafkaCredentials", settings));
	}

	private static String quoted(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
