package org.decoop.notification;

import org.decoop.platform.testing.QueryPlansScenario;
import org.decoop.platform.testing.ServiceScenario;
import org.springframework.boot.test.context.SpringBootTest;

/** The query plans of {@link NotificationQueries}. */
@ServiceScenario(database = "notifications-query-plans", webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class QueryPlansIntegrationTest extends QueryPlansScenario {

	QueryPlansIntegrationTest() {
		super(NotificationQueries.ALL);
	}

}
