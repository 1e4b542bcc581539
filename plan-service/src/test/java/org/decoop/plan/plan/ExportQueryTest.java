package org.decoop.plan.plan;

import org.decoop.platform.testing.StreamedQueries;
import org.junit.jupiter.api.Test;

/**
 * The CSV export's cursor: read a batch at a time, and stopped on the server when the
 * request's time is up.
 */
class ExportQueryTest {

	@Test
	void boundsTheExportQueryByTheRequestTimeout() {
		StreamedQueries.assertExportCursor(PlanDocument.class,
				mongo -> new Plans(mongo, null).all(null, null, null, null).close(), 100);
	}

}
