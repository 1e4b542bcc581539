package org.decoop.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.decoop.platform.domain.Actor;
import org.decoop.platform.outbox.AggregateStore;
import org.decoop.platform.outbox.EventSerializer;
import org.decoop.platform.testing.InMemoryMongo;
import org.decoop.platform.testing.QueryIndexes;
import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * Every query of {@link Notifications} and {@link Deliveries} on the notifications, and
 * the index a MongoDB answers it from. (Due deliveries are found in the small delivery
 * queue, by {@code dueAt}.)
 */
class QueryIndexesTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	@Test
	void eachNotificationQueryHasItsIndex() {
		QueryIndexes.assertServed(NotificationDocument.class,
				Query.of("GET .../notifications (newest first)", "inbox_seq", List.of("subscriptionId"), "-seq"),
				Query.of("GET .../deliveries (newest first, not STORED)", "inbox_seq", List.of("subscriptionId"),
						"-seq"),
				Query.of("SSE: the notifications numbered after the last one sent, in order", "inbox_seq",
						List.of("subscriptionId"), "seq"),
				Query.of("at start: pending deliveries back into the queue", "pending", List.of("status")),
				Query.of("a digest: one subscription's notifications stored in its period, by (createdAt, seq)",
						"digest_period_seq", List.of("subscriptionId"), "createdAt", "seq"));
	}

	@Test
	void streamsFindTheUnusedNumbersOfASubscriptionByIndexAndTheyExpireAfterADay() {
		MongoTemplate mongo = MONGO.freshDatabase();
		new Notifications(mongo,
				new Deliveries(mongo, new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test")))),
				Clock.systemUTC())
			.start();
		List<IndexInfo> indexes = mongo.indexOps(Notifications.UNUSED_SEQS).getIndexInfo();

		assertThat(indexes).filteredOn(index -> index.getName().equals(Notifications.UNUSED_SEQS_INDEX))
			.singleElement()
			.satisfies(index -> assertThat(index.getIndexFields()).extracting(IndexField::getKey)
				.containsExactly("subscriptionId", "seq"));
		assertThat(indexes).filteredOn(index -> index.getName().equals("expiry"))
			.singleElement()
			.satisfies(index -> assertThat(index.getExpireAfter()).contains(Duration.ofDays(1)));
	}

}
