package org.decoop.partnership;

import org.decoop.platform.testing.ComposeChecks;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml configures partnership-service only through properties it really
 * has, on the port it listens on.
 */
class ComposeConfigurationTest {

	@Test
	void configuresTheServiceThroughItsRealProperties() {
		ComposeChecks.verifyService("partnership-service", "partnerships");
	}

}
