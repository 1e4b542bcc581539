package org.decoop.plan.plan;

import java.util.List;

import org.decoop.platform.testing.QueryIndexes;
import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;

/**
 * Every query of {@link Plans}, and the index a MongoDB answers it from, order included.
 */
class QueryIndexesTest {

	@Test
	void eachPlanQueryHasItsIndex() {
		QueryIndexes.assertServed(PlanDocument.class,
				Query.of("GET /api/plans (newest year first)", "by_year", List.of(), "-year", "_id"),
				Query.of("GET /api/plans?year=, GET /api/plans/stats?year=", "by_year", List.of("year"), "_id"),
				Query.of("GET /api/plans?status=", "by_status", List.of("status"), "-year", "_id"),
				Query.of("GET /api/plans?theme=", "by_theme", List.of("themes"), "-year", "_id"),
				Query.of("GET /api/plans?partnershipId=", "by_partnership", List.of("activities.partnershipIds"),
						"-year", "_id"));
	}

}
