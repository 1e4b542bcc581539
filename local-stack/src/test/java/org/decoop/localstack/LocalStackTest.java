package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor over its parts: the welcome a user reads, each part's line in the order
 * it always had.
 */
class LocalStackTest {

	@TempDir
	Path home;

	@Test
	void welcomesWithEveryPartAndHowToUseIt() throws Exception {
		Path jars = Path.of("/opt/decoop");
		LocalStack stack = new LocalStack(StackOptions.parse(List.of("--home=" + home, "--jars=" + jars,
				"--kafka-port=19092", "--mongo-port=27018", "--partnership-port=18081", "--plan-port=18082",
				"--notification-port=18083", "--keycloak-port=18180", "--zipkin-port=19411", "--smtp-port=11025",
				"--mail-port=18025", "--gateway-port=18080")));
		stack.assemble();

		// the gateway first, then each service as the stack printed it before its parts
		// were
		// components (LocalStackSystemIT's output)
		assertThat(stack.welcome()).isEqualTo(
				"""

						decoop is running.

						  console               http://localhost:18080/console/   (sign in as a demo user, password decoop)
						  gateway               http://localhost:18080/api   Swagger UI http://localhost:18080/swagger-ui.html   (every service, every instance)
						  partnership-service   http://localhost:18081/api   Swagger UI http://localhost:18081/swagger-ui.html
						  plan-service          http://localhost:18082/api   Swagger UI http://localhost:18082/swagger-ui.html
						  notification-service  http://localhost:18083/api   Swagger UI http://localhost:18083/swagger-ui.html
						  Kafka                 127.0.0.1:19092   topics: partnership-events, plan-events, notification-events
						  MongoDB               mongodb://127.0.0.1:27018  (data in HOME/data)
						  Keycloak              http://localhost:18180/realms/decoop   (demo users' password: decoop)
						  Zipkin                http://localhost:19411   (one trace per command: its relay, consumers, deliveries)
						  GreenMail             smtp://127.0.0.1:11025, caught e-mails: http://localhost:18025/api/user/<address>/messages/INBOX
						  logs                  HOME/logs

						  Everything listens on 127.0.0.1 only (--bind=0.0.0.0 opens it to the network).

						  Get a token (users: embassy, skgo, suresnes, kragujevac, nevers, sremska-mitrovica, ops):
						  TOKEN=$(curl -s -d grant_type=password -d client_id=decoop-cli -d username=nevers -d password=decoop http://localhost:18180/realms/decoop/protocol/openid-connect/token | jq -r .access_token)
						  curl -H "Authorization: Bearer $TOKEN" ...

						  Read the topics as the read-only principal subscriber (the broker requires SASL; passwords in HOME/credentials.properties):
						  kcat -F HOME/kcat/subscriber.conf -C -t partnership-events -f '%k %h\\n%s\\n\\n'
						  (kcat needs librdkafka 2.6.1 or newer for SCRAM with Kafka 4; or Kafka's own console consumer:)
						  java -cp 'JARS/local-stack/target/lib/*' org.apache.kafka.tools.consumer.ConsoleConsumer --consumer.config HOME/kafka/subscriber.properties \\
						    --bootstrap-server 127.0.0.1:19092 --group subscriber-$USER --topic partnership-events --from-beginning --property print.headers=true

						Ctrl-C stops everything; the data stays for the next start (--fresh wipes it).
						"""
					.replace("HOME", home.toString())
					.replace("JARS", jars.toString()));
	}

	@Test
	void welcomesWithBothInstancesOfEachServiceBehindTheGateway() throws Exception {
		LocalStack stack = new LocalStack(StackOptions.parse(List.of("--home=" + home, "--replicas=2")));
		stack.assemble();

		assertThat(stack.welcome()).contains(
				"""
						  console               http://localhost:8080/console/   (sign in as a demo user, password decoop)
						  gateway               http://localhost:8080/api   Swagger UI http://localhost:8080/swagger-ui.html   (every service, every instance)
						  partnership-service   http://localhost:8081/api   Swagger UI http://localhost:8081/swagger-ui.html
						  plan-service          http://localhost:8082/api   Swagger UI http://localhost:8082/swagger-ui.html
						  notification-service  http://localhost:8083/api   Swagger UI http://localhost:8083/swagger-ui.html
						  partnership-service-2 http://localhost:8181/api   Swagger UI http://localhost:8181/swagger-ui.html
						  plan-service-2        http://localhost:8182/api   Swagger UI http://localhost:8182/swagger-ui.html
						  notification-service-2 http://localhost:8183/api   Swagger UI http://localhost:8183/swagger-ui.html
						""");
	}

	@Test
	void welcomesAStackOpenToTheNetworkWithItsWarning() throws Exception {
		LocalStack stack = new LocalStack(StackOptions.parse(List.of("--home=" + home, "--bind=0.0.0.0")));
		stack.assemble();

		assertThat(stack.welcome()).contains("""
				  logs                  %s

				!!!!""".formatted(home.resolve("logs")))
			.contains("!! --bind=0.0.0.0: EVERY PART OF THE STACK LISTENS ON EVERY INTERFACE.")
			.doesNotContain("Everything listens on 127.0.0.1 only");
	}

}
