package org.decoop.notification;

import org.decoop.platform.testing.ComposeChecks;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml configures notification-service only through properties it really
 * has, on the port it listens on.
 */
class ComposeConfigurationTest {

	@Test
	void configuresTheServiceThroughItsRealProperties() {
		ComposeChecks.verifyService("notification-service", "notifications");
	}

}
