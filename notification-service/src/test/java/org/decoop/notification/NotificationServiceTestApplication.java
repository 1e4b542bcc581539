package org.decoop.notification;

import org.decoop.platform.testing.EmbeddedInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * Runs notification-service on embedded Kafka and the in-process MongoDB wire server, for a developer
 * at a keyboard. It prints the broker's address (a free port) for kcat; data is gone when it stops.
 */
public class NotificationServiceTestApplication {

    public static void main(String[] args) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        System.out.printf("%nEmbedded Kafka at %1$s. Watch the topic with:%n  kcat -C -b %1$s -t notification-events -J%n%n",
                infrastructure.kafkaBootstrapServers());
        // System properties, not default properties: they must win over application.yml.
        infrastructure.springProperties("notifications").forEach((key, value) -> System.setProperty(key, value.toString()));
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
