package org.decoop.partnership.partnership;

import org.decoop.platform.testing.StreamedQueries;
import org.junit.jupiter.api.Test;

/**
 * The CSV export's cursor: read a batch at a time, and stopped on the server when the
 * request's time is up.
 */
class ExportQueryTest {

	@Test
	void boundsTheExportQueryByTheRequestTimeout() {
		StreamedQueries.assertExportCursor(PartnershipDocument.class,
				mongo -> new Partnerships(mongo, null).all(null, null, null, null).close(), 500);
	}

}
