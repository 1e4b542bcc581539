package org.decoop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A service declares each outbox on its document: the platform finds the declared
 * documents in the application's packages and gives the relay one source each, and
 * refuses to start on a declared document that cannot hold events.
 */
class OutboxDeclarationsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutboxDeclarations.class));

	@Test
	void givesTheRelayASourceForEachDocumentDeclaredAnOutbox() {
		runner
			.withInitializer(context -> AutoConfigurationPackages.register((BeanDefinitionRegistry) context,
					"org.decoop.platform.outbox.declared.good"))
			.run(context -> assertThat(context.getBeansOfType(OutboxSource.class).values())
				.containsExactly(new OutboxSource("things", "thing-events", "/thing-service")));
	}

	@Test
	void refusesToStartOnADeclaredDocumentThatCannotHoldEvents() {
		runner
			.withInitializer(context -> AutoConfigurationPackages.register((BeanDefinitionRegistry) context,
					"org.decoop.platform.outbox.declared.wrong"))
			.run(context -> assertThat(context).getFailure()
				.hasStackTraceContaining("LooseDocument")
				.hasStackTraceContaining("must be an OutboxDocument"));
	}

}
