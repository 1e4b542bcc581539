package org.decoop.partnership;

import org.decoop.platform.testing.DomainRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is plain Java: it knows the published language, never a framework, a store or an adapter. */
@AnalyzeClasses(packages = "org.decoop.partnership", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainImportsNoFramework = DomainRules.DOMAIN_IMPORTS_NO_FRAMEWORK;

    @ArchTest
    static final ArchRule domainKnowsNoAdapter = DomainRules.DOMAIN_KNOWS_NO_ADAPTER;

    @ArchTest
    static final ArchRule featuresDependInOneDirection = DomainRules.noCyclesBetweenFeatures("org.decoop.partnership");
}
