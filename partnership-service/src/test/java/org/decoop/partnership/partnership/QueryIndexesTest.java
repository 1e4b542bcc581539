package org.decoop.partnership.partnership;

import java.util.List;

import org.decoop.platform.testing.QueryIndexes;
import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;

/**
 * Every query of {@link Partnerships}, and the index a MongoDB answers it from, order
 * included.
 */
class QueryIndexesTest {

	@Test
	void eachPartnershipQueryHasItsIndex() {
		QueryIndexes.assertServed(PartnershipDocument.class,
				Query.of("GET /api/partnerships (newest first)", "newest", List.of(), "-establishedAt", "_id"),
				Query.of("GET /api/partnerships?status=", "by_status", List.of("status"), "-establishedAt", "_id"),
				Query.of("GET /api/partnerships?country=", "by_country", List.of("partners.country"), "-establishedAt",
						"_id"),
				Query.of("GET /api/partnerships?theme=", "by_theme", List.of("themes"), "-establishedAt", "_id"),
				Query.of("GET /api/partnerships?localAuthorityId=", "by_partner", List.of("partners._id"),
						"-establishedAt", "_id"),
				Query.of("dormancy job: ACTIVE without activity since", "dormancy",
						List.of("status", "lastActivityOn")),
				Query.of("partner search matches: the partnerships of the searcher", "by_partner",
						List.of("partners._id")),
				Query.of("partner search matches: partnerships on the wanted themes", "by_theme", List.of("themes"),
						"-establishedAt", "_id"));
	}

}
