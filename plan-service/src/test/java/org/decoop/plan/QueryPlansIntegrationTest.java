package org.decoop.plan;

import org.decoop.platform.testing.QueryPlansScenario;
import org.decoop.platform.testing.ServiceScenario;
import org.springframework.boot.test.context.SpringBootTest;

/** The query plans of {@link PlanQueries}. */
@ServiceScenario(database = "plans-query-plans", webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class QueryPlansIntegrationTest extends QueryPlansScenario {

	QueryPlansIntegrationTest() {
		super(PlanQueries.ALL);
	}

}
