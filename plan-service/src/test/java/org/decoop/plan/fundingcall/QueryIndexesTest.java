package org.decoop.plan.fundingcall;

import java.util.List;

import org.decoop.platform.testing.QueryIndexes;
import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;

/**
 * Every query of {@link FundingCalls}, and the index a MongoDB answers it from, order
 * included. A status is a range on the dates: OPEN and CLOSED are ranges on closesOn, the
 * index's order, and UPCOMING reads it in that order too.
 */
class QueryIndexesTest {

	@Test
	void eachFundingCallQueryHasItsIndex() {
		QueryIndexes.assertServed(FundingCallDocument.class,
				Query.of("GET /api/funding-calls (soonest deadline first), ?status=", "by_closes_on", List.of(),
						"closesOn", "_id"),
				Query.of("GET /api/funding-calls?theme=", "by_theme", List.of("themes"), "closesOn", "_id"),
				Query.of("GET /api/funding-calls?funder=", "by_funder", List.of("funder"), "closesOn", "_id"),
				Query.of("GET /api/funding-calls?code=, a code used once", "by_code", List.of("code")),
				Query.of("the deadline job: not yet announced closed, by deadline", "deadline_due",
						List.of("closedAnnounced"), "closesOn"));
	}

}
