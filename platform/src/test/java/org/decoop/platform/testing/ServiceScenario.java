package org.decoop.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A service's integration scenario: the whole service ({@code @SpringBootTest}, on a
 * random port unless told otherwise) on {@link TestInfrastructure#current() this run's
 * infrastructure}, on {@link #database()}, with the run's identity provider and
 * webhook-secret key. Scenarios with the same database, classes and properties share one
 * Spring context (the test context cache).
 * {@link TestInfrastructureContextCustomizerFactory} adds the properties.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EnabledOnTestInfrastructure
@SpringBootTest
public @interface ServiceScenario {

	/** The service's database on the test infrastructure. */
	String database();

	@AliasFor(annotation = SpringBootTest.class)
	SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.RANDOM_PORT;

	@AliasFor(annotation = SpringBootTest.class)
	String[] properties() default {};

	@AliasFor(annotation = SpringBootTest.class)
	Class<?>[] classes() default {};

}
