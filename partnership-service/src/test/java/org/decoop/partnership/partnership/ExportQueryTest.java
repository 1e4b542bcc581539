package org.decoop.partnership.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.decoop.platform.testing.StreamedQueries;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The CSV export's cursor: read a batch at a time, and stopped on the server when the
 * request's time is up.
 */
class ExportQueryTest {

	@Test
	void boundsTheExportQueryByTheRequestTimeout() {
		Query query = StreamedQueries.of(PartnershipDocument.class,
				mongo -> new Partnerships(mongo, null).all(null, null, null, null).close());

		assertThat(query.getMeta().getMaxTimeMsec()).isEqualTo(Duration.ofMinutes(30).toMillis());
		assertThat(query.getMeta().getCursorBatchSize()).isEqualTo(500);
	}

}
