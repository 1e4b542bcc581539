package org.decoop.platform.testing;

import java.util.Map;

import org.decoop.events.EventCatalog;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The tests' infrastructure, in process: Spring Kafka's embedded KRaft broker with the
 * three topics (3 partitions each) and mongo-java-server. Started once per JVM and shared
 * by every test class of a module, so Spring's context cache can reuse contexts across
 * classes.
 */
public final class EmbeddedInfrastructure implements TestInfrastructure {

	private static final int PARTITIONS = 3;

	private static EmbeddedInfrastructure shared;

	private final EmbeddedKafkaKraftBroker kafka;

	private final MongoServer mongo;

	private final String mongoConnectionString;

	private EmbeddedInfrastructure() {
		kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, EventCatalog.topics().toArray(String[]::new));
		// the event topics keep every event, as the services insist at start
		kafka.brokerProperties(Map.of("log.retention.ms", "-1", "log.retention.bytes", "-1"));
		kafka.afterPropertiesSet();
		mongo = new MongoServer(new MemoryBackend());
		mongo.bind();
		mongoConnectionString = mongo.getConnectionString();
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-infrastructure-stop"));
	}

	/** The JVM-wide instance, started on first use. */
	public static synchronized EmbeddedInfrastructure shared() {
		if (shared == null) {
			shared = new EmbeddedInfrastructure();
		}
		return shared;
	}

	@Override
	public String kafkaBootstrapServers() {
		return kafka.getBrokersAsString();
	}

	/** A connection string to {@code database} on the in-process MongoDB wire server. */
	@Override
	public String mongoUri(String database) {
		return mongoConnectionString.replaceAll("/+$", "") + "/" + database;
	}

	/**
	 * Runs a service on this infrastructure, on {@code database}, for a developer at a
	 * keyboard: no broker or database to install. It prints the broker's address (a free
	 * port) for kcat, to watch {@code topic}; data is gone when it stops.
	 */
	public static void runService(Class<?> application, String database, String topic, String[] args) {
		EmbeddedInfrastructure infrastructure = shared();
		System.out.printf("%nEmbedded Kafka at %1$s. Watch the topic with:%n  kcat -C -b %1$s -t %2$s -J%n%n",
				infrastructure.kafkaBootstrapServers(), topic);
		// System properties, not default properties: they must win over application.yml.
		infrastructure.springProperties(database).forEach((key, value) -> System.setProperty(key, value.toString()));
		SpringApplication.run(application, args);
	}

	/**
	 * Stops the MongoDB server at JVM exit. The broker is left to die with the JVM:
	 * Spring contexts close in their own shutdown hooks at the same moment, and their
	 * consumers close quickly only while the broker still answers.
	 */
	private void stop() {
		mongo.shutdownNow();
	}

}
