package org.decoop.partnership.search;

import java.util.List;

import org.decoop.platform.testing.QueryIndexes;
import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;

/**
 * Every query of {@link PartnerSearches}, and the index a MongoDB answers it from, order
 * included.
 */
class QueryIndexesTest {

	@Test
	void eachPartnerSearchQueryHasItsIndex() {
		QueryIndexes.assertServed(PartnerSearchDocument.class,
				Query.of("GET /api/partner-searches (newest first)", "newest", List.of(), "-openedAt", "_id"),
				Query.of("GET /api/partner-searches?status=", "by_status", List.of("status"), "-openedAt", "_id"),
				Query.of("GET /api/partner-searches?theme=", "by_theme", List.of("themes"), "-openedAt", "_id"),
				Query.of("GET /api/partner-searches?country=", "by_country", List.of("countries"), "-openedAt", "_id"),
				Query.of("GET /api/partner-searches?localAuthorityId=", "by_searcher", List.of("localAuthority._id"),
						"-openedAt", "_id"),
				Query.of("matches: the open searches that want the searcher's country", "by_country",
						List.of("countries"), "-openedAt", "_id"),
				Query.of("expiry job: OPEN with openUntil before today, by openUntil then id", "open_until",
						List.of("status"), "openUntil", "_id"));
	}

}
