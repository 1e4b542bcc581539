package org.decoop.platform.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where the integration scenarios run: on the embedded broker and the in-process MongoDB
 * wire server (the default), or on real Kafka and MongoDB containers when the system
 * property {@code decoop.test.infrastructure} is {@code containers} (the build's
 * {@code containers} failsafe execution sets it). The scenarios are the same classes
 * either way.
 */
public interface TestInfrastructure {

	String PROPERTY = "decoop.test.infrastructure";

	String kafkaBootstrapServers();

	/**
	 * A connection string to {@code database}, as the service of that database connects.
	 */
	String mongoUri(String database);

	/**
	 * Spring properties that point a service at this infrastructure, on {@code database}.
	 */
	default Map<String, Object> springProperties(String database) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
		properties.put("spring.mongodb.uri", mongoUri(database));
		// the test run's identity provider and webhook-secret key
		properties.putAll(identityAndSecrets());
		return properties;
	}

	/**
	 * What every service of a test run shares besides the broker and the store: the test
	 * run's identity provider ({@link TestTokens}) and a webhook-secret key of its own
	 * (the services refuse the public development key outside the dev profile).
	 */
	static Map<String, Object> identityAndSecrets() {
		Map<String, Object> properties = new LinkedHashMap<>(TestTokens.shared().springProperties());
		properties.put("decoop.notification.secret-key", TestTokens.shared().secretKey());
		return properties;
	}

	/**
	 * Points the service of a {@code @DynamicPropertySource} at this run's
	 * infrastructure, on {@code database}.
	 */
	static void register(DynamicPropertyRegistry registry, String database) {
		current().springProperties(database).forEach((key, value) -> registry.add(key, () -> value));
	}

	static boolean containersWanted() {
		return "containers".equals(System.getProperty(PROPERTY));
	}

	/** The JVM-wide infrastructure of this test run. */
	static TestInfrastructure current() {
		return containersWanted() ? ContainerInfrastructure.shared() : EmbeddedInfrastructure.shared();
	}

}
