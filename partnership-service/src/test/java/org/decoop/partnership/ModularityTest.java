package org.decoop.partnership;

import org.decoop.platform.testing.ModuleDocumentation;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features are Spring Modulith application modules: each uses another only through
 * what that one exposes (its base package and its {@code @NamedInterface("api")}), never
 * in a cycle; and the module documentation in docs/modules is what the code says.
 */
class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(PartnershipServiceApplication.class);

	@Test
	void featuresUseEachOtherOnlyThroughWhatTheyExpose() {
		MODULES.verify();
	}

	@Test
	void committedModuleDocumentationIsCurrent() {
		ModuleDocumentation.assertCommitted(MODULES, "partnership-service");
	}

}
