package org.decoop.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A stream catches up with ONE read: the subscription's notifications numbered after the
 * last one sent, at most a batch, in order, read along {@code inbox_seq} (not a lookup
 * per number).
 */
class StreamReadsTest {

	@Test
	void readsTheNextNumbersOfASubscriptionInOneRangeInOrder() {
		MongoTemplate mongo = mock(MongoTemplate.class, RETURNS_DEEP_STUBS);
		Notifications notifications = new Notifications(mongo, null, Clock.systemUTC());

		notifications.after("sub-1", 7, 50);

		ArgumentCaptor<Query> query = ArgumentCaptor.forClass(Query.class);
		verify(mongo).find(query.capture(), eq(NotificationDocument.class));
		assertThat(query.getValue().getQueryObject()).isEqualTo(
				new Document("subscriptionId", "sub-1").append("seq", new Document("$gt", 7L).append("$lte", 57L)));
		assertThat(query.getValue().getSortObject()).isEqualTo(new Document("seq", 1));
		verify(mongo, never()).findOne(any(Query.class), eq(NotificationDocument.class));
		verify(mongo, never()).findById(any(), eq(Document.class), anyString());
	}

}
