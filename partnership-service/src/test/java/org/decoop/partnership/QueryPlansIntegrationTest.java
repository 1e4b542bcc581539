package org.decoop.partnership;

import org.decoop.platform.testing.QueryPlansScenario;
import org.decoop.platform.testing.ServiceScenario;
import org.springframework.boot.test.context.SpringBootTest;

/** The query plans of {@link PartnershipQueries}. */
@ServiceScenario(database = "partnerships-plans", webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class QueryPlansIntegrationTest extends QueryPlansScenario {

	QueryPlansIntegrationTest() {
		super(PartnershipQueries.ALL);
	}

}
