package org.decoop.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.stream.Stream;

import org.decoop.platform.aggregate.AggregateRepository;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture rules every service checks
 * ({@code @ArchTest ArchTests rules = ArchTests.in(DomainRules.class)}): a domain is
 * plain Java around the published language, and features do not depend on each other in a
 * circle.
 */
public final class DomainRules {

	/**
	 * A domain imports nothing from Spring, MongoDB, Kafka, CloudEvents or Jackson, nor
	 * the platform's adapters (only its plain-Java {@code domain}).
	 */
	@ArchTest
	public static final ArchRule DOMAIN_IMPORTS_NO_FRAMEWORK = noClasses().that()
		.resideInAPackage("..domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
				"io.cloudevents..", "tools.jackson..", "com.fasterxml..", "jakarta.persistence..",
				"org.decoop.platform.outbox..", "org.decoop.platform.web..", "org.decoop.platform.messaging..",
				"org.decoop.platform.mongo..", "org.decoop.platform.aggregate..", "org.decoop.platform.readmodel..",
				"org.decoop.platform.scheduling..");

	/** A domain knows no controller and no persistence document. */
	@ArchTest
	public static final ArchRule DOMAIN_KNOWS_NO_ADAPTER = noClasses().that()
		.resideInAPackage("..domain..")
		.should()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Controller")
		.orShould()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Document");

	/**
	 * A feature's stored documents are its own: another feature reads what the feature
	 * exposes, never the document (Modulith counts every public type of a feature's
	 * package as exposed, so a public document would pass its check).
	 */
	@ArchTest
	public static final ArchRule DOCUMENTS_STAY_IN_THEIR_FEATURE = classes().that()
		.haveSimpleNameEndingWith("Document")
		.and()
		.resideOutsideOfPackage("org.decoop.platform..")
		.should()
		.notBePublic();

	/**
	 * A repository is its feature's, unless the feature offers it on purpose as a named
	 * interface ({@code @NamedInterface}) that Modulith then checks.
	 */
	@ArchTest
	public static final ArchRule REPOSITORIES_ARE_OFFERED_ONLY_ON_PURPOSE = classes().that()
		.areAssignableTo(AggregateRepository.class)
		.or()
		.areAssignableTo(org.springframework.data.repository.Repository.class)
		.and()
		.resideOutsideOfPackage("org.decoop.platform..")
		.should()
		.notBePublic()
		.orShould()
		.beAnnotatedWith(NamedInterface.class);

	/**
	 * Features depend on each other in one direction only (Modulith's
	 * {@code ApplicationModules.verify()} in ArchUnit's words): a cycle would make two
	 * features one in all but name. A feature is a package right below the service's
	 * ({@code org.decoop.notification.delivery}).
	 */
	@ArchTest
	public static final ArchRule FEATURES_DEPEND_IN_ONE_DIRECTION = slices().matching("org.decoop.*.(*)..")
		.namingSlices("feature $1")
		.should()
		.beFreeOfCycles();

	/**
	 * A controller takes and answers its feature's own request and response records, kept
	 * in the feature's {@code web} package: never a domain object, a document or another
	 * class's nested type, so the wire format changes only where it is written. (The
	 * published vocabulary of {@code org.decoop.events}, the platform's types and enums
	 * as query parameters are fine.)
	 */
	@ArchTest
	public static final ArchRule CONTROLLERS_SPEAK_THROUGH_WEB_RECORDS = methods().that()
		.areDeclaredInClassesThat()
		.areAnnotatedWith(RestController.class)
		.and()
		.areMetaAnnotatedWith(RequestMapping.class)
		.should(new ArchCondition<JavaMethod>("take and answer only records of their feature's web package") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				Stream.concat(Stream.of(method.getReturnType()), method.getParameterTypes().stream())
					.flatMap(type -> type.getAllInvolvedRawTypes().stream())
					.filter(DomainRules::isServiceType)
					.filter(type -> !type.isEnum() && !type.getPackageName().endsWith(".web"))
					.distinct()
					.forEach(type -> events
						.add(SimpleConditionEvent.violated(method, "%s uses %s, which is not in a web package"
							.formatted(method.getFullName(), type.getName()))));
			}
		});

	private static boolean isServiceType(JavaClass type) {
		String name = type.getPackageName();
		return name.startsWith("org.decoop.") && !name.startsWith("org.decoop.events")
				&& !name.startsWith("org.decoop.platform");
	}

	private DomainRules() {
	}

}
