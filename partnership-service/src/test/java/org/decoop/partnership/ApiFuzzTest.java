package org.decoop.partnership;

import org.decoop.platform.testing.ApiFuzzing;
import org.decoop.platform.testing.ServiceScenario;

/**
 * partnership-service under seeded hostile requests derived from its OpenAPI document;
 * summary in {@code target/fuzz/}.
 */
@ServiceScenario(database = "partnerships-fuzz")
class ApiFuzzTest extends ApiFuzzing {

	@Override
	protected String service() {
		return "partnership-service";
	}

}
