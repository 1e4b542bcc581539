package org.decoop.plan;

import org.decoop.platform.testing.ApiFuzzing;
import org.decoop.platform.testing.ServiceScenario;

/**
 * plan-service under seeded hostile requests derived from its OpenAPI document; summary
 * in {@code target/fuzz/}.
 */
@ServiceScenario(database = "plans-fuzz")
class ApiFuzzTest extends ApiFuzzing {

	@Override
	protected String service() {
		return "plan-service";
	}

}
