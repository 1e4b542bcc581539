package org.decoop.platform.testing;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points the context of a {@link ServiceScenario} at this run's infrastructure, on its
 * database: what each scenario did in a {@code @DynamicPropertySource} of its own.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class TestInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		ServiceScenario scenario = TestContextAnnotationUtils.findMergedAnnotation(testClass, ServiceScenario.class);
		return scenario == null ? null : new OnDatabase(scenario.database());
	}

	/** Equal for equal databases, so that the context cache shares what may be shared. */
	private record OnDatabase(String database) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			// first: above application.yml, as a @DynamicPropertySource is
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("decoopTestInfrastructure",
						TestInfrastructure.current().springProperties(database)));
		}
	}

}
