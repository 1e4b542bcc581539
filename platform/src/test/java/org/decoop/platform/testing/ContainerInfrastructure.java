package org.decoop.platform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.decoop.events.EventCatalog;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real Kafka and MongoDB, in containers from the images the compose deployment uses, started
 * once per JVM, with the three topics (3 partitions each) created up front.
 */
public final class ContainerInfrastructure implements TestInfrastructure {

    /** The images of docker-compose.yml. */
    public static final List<String> IMAGES = List.of("apache/kafka:4.1.2", "mongo:8.0");

    /** What a run needs without pulling: the images above and Testcontainers' own resource reaper. */
    public static final List<String> REQUIRED_IMAGES = List.of(IMAGES.get(0), IMAGES.get(1), "testcontainers/ryuk:0.14.0");

    private static ContainerInfrastructure shared;

    private final KafkaContainer kafka = new KafkaContainer(IMAGES.get(0));
    private final MongoDBContainer mongo = new MongoDBContainer(IMAGES.get(1));

    private ContainerInfrastructure() {
        kafka.start();
        mongo.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
            admin.createTopics(EventCatalog.topics().stream().map(topic -> new NewTopic(topic, 3, (short) 1)).toList()).all().get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Creating the topics failed", e);
        }
    }

    public static synchronized ContainerInfrastructure shared() {
        if (shared == null) {
            shared = new ContainerInfrastructure();
        }
        return shared;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public Map<String, Object> springProperties(String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", mongo.getReplicaSetUrl(database));
        // the test run's identity provider and webhook-secret key
        properties.putAll(TestInfrastructure.identityAndSecrets());
        return properties;
    }
}
