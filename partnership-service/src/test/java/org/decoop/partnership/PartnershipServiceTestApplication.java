package org.decoop.partnership;

import org.decoop.platform.testing.EmbeddedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs partnership-service on embedded Kafka and the in-process MongoDB wire server, for a
 * developer at a keyboard: no broker or database to install. Run it from the IDE, or
 * {@code ./mvnw -pl partnership-service spring-boot:test-run}. Data is gone when it stops.
 */
public class PartnershipServiceTestApplication {

    public static void main(String[] args) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        System.out.println("Embedded Kafka at " + infrastructure.kafkaBootstrapServers());
        new SpringApplicationBuilder(PartnershipServiceApplication.class)
                .properties(infrastructure.springProperties("partnerships"))
                .run(args);
    }
}
