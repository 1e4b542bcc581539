package org.decoop.partnership;

import org.decoop.platform.testing.ServiceQueries;
import org.junit.jupiter.api.Test;

/**
 * Every repository method of the service is in {@link PartnershipQueries}, so its plan is
 * checked on MongoDB.
 */
class QueryListTest {

	@Test
	void everyRepositoryMethodIsListedWithItsPurpose() {
		ServiceQueries.assertEveryRepositoryMethodListed("org.decoop.partnership", PartnershipQueries.ALL);
	}

}
