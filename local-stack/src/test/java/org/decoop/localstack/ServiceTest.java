package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's environment lives with it: it is pointed at the stack's own broker, store,
 * Keycloak, Zipkin and mail.
 */
class ServiceTest {

	@TempDir
	Path home;

	@Test
	void eachServiceSignsInAsItselfAndUsesItsOwnDatabase() throws Exception {
		StackOptions options = StackOptions.parse(List.of("--home=" + home, "--plan-port=18082", "--mongo-port=27018"));
		Credentials credentials = Credentials.in(home);
		Service plans = new Service("plan-service", options, credentials, new Keycloak(options));

		assertThat(plans.environment()).containsEntry("SERVER_PORT", "18082")
			.containsEntry("SERVER_ADDRESS", "127.0.0.1")
			.containsEntry("DECOOP_KAFKA_USERNAME", "plan-service")
			.containsEntry("DECOOP_KAFKA_PASSWORD", credentials.kafkaPasswordOf("plan-service"))
			.containsEntry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27018/plans")
			.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
					"http://localhost:8180/realms/decoop")
			.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://localhost:9411/api/v2/spans")
			.containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0")
			.doesNotContainKeys("DECOOP_NOTIFICATION_SECRET_KEY", "DECOOP_NOTIFICATION_ALLOW_PRIVATE_TARGETS");
	}

	@Test
	void notificationServiceAloneGetsTheSecretKeyTheMailServerAndPrivateTargets() throws Exception {
		StackOptions options = StackOptions
			.parse(List.of("--home=" + home, "--notification-port=18083", "--smtp-port=11025"));
		Credentials credentials = Credentials.in(home);
		Service notifications = new Service("notification-service", options, credentials, new Keycloak(options));

		assertThat(notifications.environment())
			.containsEntry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017/notifications")
			.containsEntry("DECOOP_NOTIFICATION_SECRET_KEY", credentials.get(Credentials.SECRET_KEY))
			.containsEntry("DECOOP_NOTIFICATION_ALLOW_PRIVATE_TARGETS", "true")
			.containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
			.containsEntry("SPRING_MAIL_PORT", "11025")
			.containsEntry("DECOOP_NOTIFICATION_EMAIL_PUBLIC_URL", "http://localhost:8080");
	}

	@Test
	void aSecondInstanceHasItsOwnPortAndLogAndSharesItsServicesPrincipalAndDatabase() throws Exception {
		StackOptions options = StackOptions.parse(List.of("--home=" + home, "--replicas=2", "--plan-port=18082"));
		Credentials credentials = Credentials.in(home);
		Service second = new Service("plan-service", 2, options, credentials, new Keycloak(options));

		assertThat(second.name()).isEqualTo("plan-service-2");
		assertThat(second.service()).isEqualTo("plan-service");
		assertThat(second.instanceUri()).isEqualTo("http://127.0.0.1:18182");
		assertThat(second.describe()).contains("http://localhost:18182/api");
		assertThat(second.environment()).containsEntry("SERVER_PORT", "18182")
			.containsEntry("DECOOP_KAFKA_USERNAME", "plan-service")
			.containsEntry("DECOOP_KAFKA_PASSWORD", credentials.kafkaPasswordOf("plan-service"))
			.containsEntry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017/plans");
	}

}
