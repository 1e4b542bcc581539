package org.decoop.partnership;

import org.decoop.platform.testing.EmbeddedInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * Runs partnership-service on embedded Kafka and the in-process MongoDB wire server, for a
 * developer at a keyboard: no broker or database to install. It prints the broker's address
 * (a free port) for kcat. Data is gone when it stops. See the README for the command line.
 */
public class PartnershipServiceTestApplication {

    public static void main(String[] args) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        System.out.printf("%nEmbedded Kafka at %1$s. Watch the topic with:%n  kcat -C -b %1$s -t partnership-events -J%n%n",
                infrastructure.kafkaBootstrapServers());
        // System properties, not default properties: they must win over application.yml.
        infrastructure.springProperties("partnerships").forEach((key, value) -> System.setProperty(key, value.toString()));
        SpringApplication.run(PartnershipServiceApplication.class, args);
    }
}
