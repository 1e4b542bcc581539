package org.decoop.partnership.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.bson.Document;
import org.decoop.events.Country;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A bounded read of candidates names its order (newest first, then id): MongoDB returns
 * the same subset on every plan.
 */
class CandidateReadsTest {

	@Test
	void readsTheNewestOpenSearchesWantingACountryFirst() {
		MongoTemplate mongo = mock(MongoTemplate.class);

		new PartnerSearches(mongo, null).openWanting(Country.of("FR"), 50);

		ArgumentCaptor<Query> query = ArgumentCaptor.forClass(Query.class);
		verify(mongo).find(query.capture(), eq(PartnerSearchDocument.class));
		assertThat(query.getValue().getLimit()).isEqualTo(50);
		assertThat(query.getValue().getSortObject()).isEqualTo(new Document("openedAt", -1).append("_id", 1));
	}

}
