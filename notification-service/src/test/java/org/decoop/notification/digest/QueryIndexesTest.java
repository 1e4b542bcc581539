package org.decoop.notification.digest;

import java.util.List;

import org.decoop.platform.testing.QueryIndexes;
import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;

/**
 * Every query of {@link DigestDispatches}, and the index a MongoDB answers it from
 * (claims, and the digest job's walk back over recent periods, are found by id). The
 * sweep is one {@code $or} query: a MongoDB answers each of its branches from its own
 * index.
 */
class QueryIndexesTest {

	@Test
	void eachDigestQueryHasItsIndex() {
		QueryIndexes.assertServed(DigestDocument.class,
				Query.of("GET .../digests (newest period first)", "by_subscription", List.of("subscriptionId"),
						"-periodStart"),
				Query.of("sweep: RETRYING with its next attempt due", "due_retries",
						List.of("status", "nextAttemptAt")),
				Query.of("sweep: SENDING with its lease run out", "expired_leases", List.of("status", "leasedUntil")));
	}

}
