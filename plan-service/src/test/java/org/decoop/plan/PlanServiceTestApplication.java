package org.decoop.plan;

import org.decoop.platform.testing.EmbeddedInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * Runs plan-service on embedded Kafka and the in-process MongoDB wire server, for a developer
 * at a keyboard. It prints the broker's address (a free port) for kcat; data is gone when it stops.
 */
public class PlanServiceTestApplication {

    public static void main(String[] args) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        System.out.printf("%nEmbedded Kafka at %1$s. Watch the topic with:%n  kcat -C -b %1$s -t plan-events -J%n%n",
                infrastructure.kafkaBootstrapServers());
        // System properties, not default properties: they must win over application.yml.
        infrastructure.springProperties("plans").forEach((key, value) -> System.setProperty(key, value.toString()));
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
