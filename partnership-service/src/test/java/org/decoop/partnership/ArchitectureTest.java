package org.decoop.partnership;

import org.decoop.platform.testing.DomainRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * The domain is plain Java (no framework, store or adapter) and the features depend on
 * each other in one direction.
 */
@AnalyzeClasses(packages = "org.decoop.partnership", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests rules = ArchTests.in(DomainRules.class);

}
