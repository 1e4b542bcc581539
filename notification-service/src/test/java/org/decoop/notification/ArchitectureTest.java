package org.decoop.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.decoop.notification.notification.Notifications;
import org.decoop.platform.testing.DomainRules;
import org.springframework.context.ApplicationEventPublisher;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain is plain Java (no framework, store or adapter) and the features depend on
 * each other in one direction.
 */
@AnalyzeClasses(packages = "org.decoop.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests rules = ArchTests.in(DomainRules.class);

	/**
	 * Notifications keeps documents: the webhook body (JSON) and announcing what was
	 * stored are NotificationRecorder's.
	 */
	@ArchTest
	static final ArchRule NOTIFICATIONS_ONLY_KEEP_DOCUMENTS = noClasses().that()
		.belongToAnyOf(Notifications.class)
		.should()
		.dependOnClassesThat()
		.belongToAnyOf(ApplicationEventPublisher.class)
		.orShould()
		.dependOnClassesThat()
		.resideInAnyPackage("tools.jackson..", "io.cloudevents..");

}
