package org.decoop.examples.followpartnerships;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/**
 * An example subscriber, another team's system in miniature: it follows every partnership
 * of decoop from the first event on, keeps them in a table and prints each change. Start
 * it with the subscriber's client settings:
 * {@code java -jar follow-partnerships.jar --kafka-config=.decoop/kafka/subscriber.properties}.
 */
@SpringBootApplication
public class FollowPartnerships {

	public static void main(String[] args) throws IOException {
		SpringApplication application = new SpringApplication(FollowPartnerships.class);
		application.setDefaultProperties(clientSettings(args));
		application.run(args);
	}

	@Bean
	PartnershipTable partnershipTable() {
		return new PartnershipTable(System.out::println);
	}

	/**
	 * The binding {@code partnershipEvents-in-0} (application.yml) reads
	 * partnership-events from its beginning.
	 */
	@Bean
	Consumer<Message<byte[]>> partnershipEvents(PartnershipTable table) {
		return message -> PartnershipEvents.read(message).ifPresent(table::apply);
	}

	/**
	 * A Kafka client properties file (bootstrap.servers, SASL) as the binder's settings:
	 * the file the local stack writes for the read-only principal {@code subscriber}, or
	 * an operator's.
	 */
	static Map<String, Object> clientSettings(String[] args) throws IOException {
		Map<String, Object> settings = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--kafka-config=")) {
				Properties client = new Properties();
				try (Reader in = Files.newBufferedReader(Path.of(arg.substring("--kafka-config=".length())))) {
					client.load(in);
				}
				client.forEach((key, value) -> settings
					.put(key.equals("bootstrap.servers") ? "spring.cloud.stream.kafka.binder.brokers"
							: "spring.cloud.stream.kafka.binder.configuration." + key, value));
			}
		}
		return settings;
	}

}
