package org.decoop.partnership.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.bson.Document;
import org.decoop.events.Country;
import org.decoop.events.Theme;
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
	void readsTheNewestPartnershipsOnTheWantedThemesFirst() {
		MongoTemplate mongo = mock(MongoTemplate.class);

		new PartnershipLinks(mongo, null).notEndedOn(List.of(Theme.YOUTH), List.of(Country.of("FR")), 50);

		ArgumentCaptor<Query> query = ArgumentCaptor.forClass(Query.class);
		verify(mongo).find(query.capture(), eq(PartnershipDocument.class));
		assertThat(query.getValue().getLimit()).isEqualTo(50);
		assertThat(query.getValue().getSortObject()).isEqualTo(new Document("establishedAt", -1).append("_id", 1));
	}

}
