package org.decoop.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** The architecture rules every service checks: a domain is plain Java around the published language. */
public final class DomainRules {

    /** A domain imports nothing from Spring, MongoDB, Kafka, CloudEvents or Jackson, nor the platform's adapters. */
    public static final ArchRule DOMAIN_IMPORTS_NO_FRAMEWORK = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..", "io.cloudevents..",
                    "tools.jackson..", "com.fasterxml..", "jakarta.persistence..", "org.decoop.platform.outbox..",
                    "org.decoop.platform.web..", "org.decoop.platform.messaging..", "org.decoop.platform.mongo..");

    /** A domain knows no controller and no persistence document. */
    public static final ArchRule DOMAIN_KNOWS_NO_ADAPTER = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Document");

    private DomainRules() {
    }
}
