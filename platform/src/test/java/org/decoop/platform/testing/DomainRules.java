package org.decoop.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every service checks ({@code @ArchTest ArchTests rules = ArchTests.in(DomainRules.class)}):
 * a domain is plain Java around the published language, and features do not depend on each other in a circle.
 */
public final class DomainRules {

    /** A domain imports nothing from Spring, MongoDB, Kafka, CloudEvents or Jackson, nor the platform's adapters (only its plain-Java {@code domain}). */
    @ArchTest
    public static final ArchRule DOMAIN_IMPORTS_NO_FRAMEWORK = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..", "io.cloudevents..",
                    "tools.jackson..", "com.fasterxml..", "jakarta.persistence..", "org.decoop.platform.outbox..",
                    "org.decoop.platform.web..", "org.decoop.platform.messaging..", "org.decoop.platform.mongo..",
                    "org.decoop.platform.aggregate..", "org.decoop.platform.readmodel..", "org.decoop.platform.scheduling..");

    /** A domain knows no controller and no persistence document. */
    @ArchTest
    public static final ArchRule DOMAIN_KNOWS_NO_ADAPTER = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Document");

    /**
     * Features depend on each other in one direction only (Modulith's {@code ApplicationModules.verify()}
     * in ArchUnit's words): a cycle would make two features one in all but name. A feature is a
     * package right below the service's ({@code org.decoop.notification.delivery}).
     */
    @ArchTest
    public static final ArchRule FEATURES_DEPEND_IN_ONE_DIRECTION = slices().matching("org.decoop.*.(*)..")
            .namingSlices("feature $1").should().beFreeOfCycles();

    private DomainRules() {
    }
}
