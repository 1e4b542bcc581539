package org.decoop.plan;

import org.decoop.platform.testing.ServiceQueries;
import org.junit.jupiter.api.Test;

/**
 * Every repository method of the service is in {@link PlanQueries}, so its plan is
 * checked on MongoDB.
 */
class QueryListTest {

	@Test
	void everyRepositoryMethodIsListedWithItsPurpose() {
		ServiceQueries.assertEveryRepositoryMethodListed("org.decoop.plan", PlanQueries.ALL);
	}

}
