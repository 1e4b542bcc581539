package org.decoop.notification;

import org.decoop.platform.testing.ApiFuzzing;
import org.decoop.platform.testing.ServiceScenario;

/**
 * notification-service under seeded hostile requests derived from its OpenAPI document;
 * summary in {@code target/fuzz/}.
 */
@ServiceScenario(database = "notifications-fuzz")
class ApiFuzzTest extends ApiFuzzing {

	@Override
	protected String service() {
		return "notification-service";
	}

}
