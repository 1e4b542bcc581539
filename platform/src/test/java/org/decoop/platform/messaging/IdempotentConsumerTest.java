package org.decoop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;

class IdempotentConsumerTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private final MongoTemplate mongo = MONGO.freshDatabase();

	private final IdempotentConsumer consumer = new IdempotentConsumer(mongo);

	private final AtomicInteger applied = new AtomicInteger();

	@Test
	void keepsAnAppliedIdLongerThanKafkaKeepsItsRecord() {
		consumer.start();
		IndexInfo expiry = mongo.indexOps(IdempotentConsumer.COLLECTION)
			.getIndexInfo()
			.stream()
			.filter(index -> index.getName().equals("expiry"))
			.findFirst()
			.orElseThrow();

		assertThat(expiry.getIndexFields()).extracting(IndexField::getKey).containsExactly("processedAt");
		assertThat(expiry.getExpireAfter()).as("Kafka's default retention is 7 days").contains(Duration.ofDays(14));
	}

	@Test
	void appliesARedeliveredEventOnlyOnce() {
		assertThat(consumer.applyOnce("plan-service", "event-1", applied::incrementAndGet)).isTrue();
		assertThat(consumer.applyOnce("plan-service", "event-1", applied::incrementAndGet)).isFalse();

		assertThat(applied).hasValue(1);
	}

	@Test
	void keepsConsumersApart() {
		consumer.applyOnce("plan-service", "event-2", applied::incrementAndGet);
		consumer.applyOnce("notification-service", "event-2", applied::incrementAndGet);

		assertThat(applied).hasValue(2);
	}

	@Test
	void appliesAgainAfterAnEffectThatFailed() {
		try {
			consumer.applyOnce("plan-service", "event-3", () -> {
				throw new IllegalStateException("store down");
			});
		}
		catch (IllegalStateException expected) {
			// the redelivery below must apply it
		}

		assertThat(consumer.applyOnce("plan-service", "event-3", applied::incrementAndGet)).isTrue();
		assertThat(applied).hasValue(1);
	}

}
