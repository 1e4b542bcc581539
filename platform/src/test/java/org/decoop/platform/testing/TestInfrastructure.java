package org.decoop.platform.testing;

import java.util.Map;

/**
 * Where the integration scenarios run: on the embedded broker and the in-process MongoDB wire
 * server (the default), or on real Kafka and MongoDB containers when the system property
 * {@code decoop.test.infrastructure} is {@code containers} (the build's {@code containers}
 * failsafe execution sets it). The scenarios are the same classes either way.
 */
public interface TestInfrastructure {

    String PROPERTY = "decoop.test.infrastructure";

    String kafkaBootstrapServers();

    /** Spring properties that point a service at this infrastructure. */
    Map<String, Object> springProperties(String database);

    static boolean containersWanted() {
        return "containers".equals(System.getProperty(PROPERTY));
    }

    /** The JVM-wide infrastructure of this test run. */
    static TestInfrastructure current() {
        return containersWanted() ? ContainerInfrastructure.shared() : EmbeddedInfrastructure.shared();
    }
}
