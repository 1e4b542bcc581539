package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * What every service's compose entry must get right, checked against that service's own
 * code and configuration.
 */
public final class ComposeChecks {

	private static final Pattern PORT_FALLBACK = Pattern.compile("\\$\\{SERVER_PORT:-(\\d+)}");

	private ComposeChecks() {
	}

	/**
	 * The service runs as two instances ({@code <service>-1}, {@code <service>-2}), each
	 * of which the gateway balances over and each checked as below.
	 */
	public static void verifyService(String service, String database) {
		ComposeFile compose = ComposeFile.atProjectRoot();
		List<String> instances = compose.serviceNames()
			.stream()
			.filter(name -> name.matches(service + "-\\d+"))
			.sorted()
			.toList();
		assertThat(instances).as("the instances of " + service).containsExactly(service + "-1", service + "-2");
		for (String instance : instances) {
			verifyInstance(compose, service, instance, database);
		}
	}

	/**
	 * The instance's environment binds only to real configuration properties of the
	 * service, it talks to Kafka and MongoDB through their compose names, its database is
	 * the one it owns, its published port and healthcheck are the port it listens on, and
	 * the gateway names it at that port.
	 */
	private static void verifyInstance(ComposeFile compose, String service, String instance, String database) {
		Map<String, String> environment = compose.environment(instance);
		Set<String> known = ComposeFile.knownProperties();
		assertThat(known).as("configuration metadata on the classpath").contains("spring.mongodb.uri", "server.port");
		environment.keySet()
			.forEach(variable -> assertThat(known).as("%s of %s binds to a configuration property", variable, service)
				.anyMatch(property -> ComposeFile.bindsTo(variable, property)));

		// its own MongoDB user, on its own database only, on the replica set, writing
		// durably
		// (acknowledged once journaled on a majority); its own Kafka principal
		assertThat(environment.get("SPRING_MONGODB_URI"))
			.matches("mongodb://" + service + ":\\$\\{DECOOP_MONGO_[A-Z_]+_PASSWORD[^}]*}@mongo:27017/" + database
					+ "\\?authSource=" + database + "&replicaSet=rs0&w=majority&journal=true");
		assertThat(compose.command("mongo")).as("MongoDB runs as the replica set the services name")
			.contains("--replSet\nrs0")
			.contains("--keyFile");
		assertThat(compose.healthcheck("mongo")).as("healthy once PRIMARY with the services' users")
			.contains("replica-set.js");
		assertThat(environment).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
			.containsEntry("DECOOP_KAFKA_USERNAME", service);
		assertThat(environment.get("DECOOP_KAFKA_PASSWORD")).startsWith("${DECOOP_KAFKA_").contains(":?");
		assertThat(compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"))
			.contains("SASL_PLAINTEXT://kafka:9092");
		// tokens fetched on the host name the public issuer; the keys come from Keycloak
		// inside the network
		assertThat(environment)
			.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
					"http://localhost:8180/realms/decoop")
			.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
					"http://keycloak:8180/realms/decoop/protocol/openid-connect/certs");

		int port = environment.containsKey("SERVER_PORT") ? Integer.parseInt(environment.get("SERVER_PORT"))
				: defaultPort();
		assertThat(compose.containerPorts(instance)).as("published port of " + instance).contains(port);
		assertThat(compose.environment("gateway").get("SPRING_APPLICATION_JSON")).as("the gateway's instances")
			.contains("\"http://%s:%d\"".formatted(instance, port));
		String healthcheck = compose.healthcheck(instance).replace("$$", "$");
		assertThat(healthcheck).contains("/actuator/health/readiness");
		Matcher fallback = PORT_FALLBACK.matcher(healthcheck);
		int checked = fallback.find()
				? (environment.containsKey("SERVER_PORT") ? port : Integer.parseInt(fallback.group(1))) : -1;
		assertThat(checked).as("port the healthcheck of %s asks", service).isEqualTo(port);
	}

	@SuppressWarnings("unchecked")
	private static int defaultPort() {
		try (InputStream in = ComposeChecks.class.getClassLoader().getResourceAsStream("application.yml")) {
			Map<String, Object> yaml = new Yaml().load(in);
			return (Integer) ((Map<String, Object>) yaml.get("server")).get("port");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
