package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's configuration and its client files live with it: SASL everywhere, ACLs
 * only, files for their owner.
 */
class KafkaBrokerTest {

	@TempDir
	Path home;

	@Test
	void requiresSaslOnEveryListenerAndLetsOnlyTheBrokerBypassTheAcls() throws Exception {
		StackOptions options = StackOptions
			.parse(List.of("--home=" + home, "--kafka-port=19092", "--kafka-controller-port=19093"));
		Credentials credentials = Credentials.in(home);

		Properties broker = new KafkaBroker(options, credentials).serverProperties();

		assertThat(broker.getProperty("listeners"))
			.isEqualTo("SASL_PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
		assertThat(broker.getProperty("listener.security.protocol.map")).doesNotContain("PLAINTEXT:PLAINTEXT");
		assertThat(broker.getProperty("super.users")).isEqualTo("User:broker");
		assertThat(broker.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
		assertThat(broker.getProperty("auto.create.topics.enable")).isEqualTo("false");
		assertThat(broker.getProperty("log.dirs")).isEqualTo(home.resolve("data").resolve("kafka").toString());
		assertThat(broker.getProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config"))
			.contains("user_broker=\"" + credentials.kafkaPasswordOf(KafkaAccess.BROKER) + "\"");
	}

	@Test
	void writesEachPrincipalsClientFilesForItsOwnerOnly() throws Exception {
		StackOptions options = StackOptions.parse(List.of("--home=" + home, "--kafka-port=19092"));
		Credentials credentials = Credentials.in(home);

		new KafkaBroker(options, credentials).writeClientConfigs();

		Path kcat = home.resolve("kcat").resolve("subscriber.conf");
		assertThat(Files.readString(kcat)).contains("bootstrap.servers=127.0.0.1:19092",
				"sasl.mechanisms=SCRAM-SHA-512", "sasl.username=subscriber",
				"sasl.password=" + credentials.kafkaPasswordOf(KafkaAccess.SUBSCRIBER));
		assertThat(Files.readString(home.resolve("kafka").resolve("broker.properties")))
			.contains("sasl.mechanism=PLAIN", "PlainLoginModule required username=\"broker\"");
		assertThat(Files.getPosixFilePermissions(kcat)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(home.resolve("kafka")))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertThat(home.resolve("kafka").resolve("bench.properties")).exists();
	}

}
