package org.decoop.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is plain Java: it knows the published language, never a framework or a store. */
@AnalyzeClasses(packages = "org.decoop.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainImportsNoFramework = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..", "io.cloudevents..",
                    "tools.jackson..", "com.fasterxml..", "jakarta.persistence..", "org.decoop.platform.outbox..",
                    "org.decoop.platform.web..", "org.decoop.platform.messaging..", "org.decoop.platform.mongo..");

    @ArchTest
    static final ArchRule domainDoesNotKnowAdapters = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Document");
}
