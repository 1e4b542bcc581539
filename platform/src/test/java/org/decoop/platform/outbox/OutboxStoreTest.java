package org.decoop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The relay's MongoDB side on its own: which aggregates wait, their claims, and what
 * becomes of their events.
 */
class OutboxStoreTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private static final String COLLECTION = "aggregates";

	private static final Instant T0 = Instant.parse("2020-02-27T10:00:00Z");

	private final MongoTemplate mongo = MONGO.freshDatabase();

	private final OutboxStore store = new OutboxStore(mongo);

	@Test
	void namesOnlyAggregatesWithEventsWaitingAndAtMostTheLimit() {
		aggregate("a-1", "e-1");
		aggregate("a-2");
		aggregate("a-3", "e-3");
		aggregate("a-4", "e-4");

		assertThat(store.waiting(COLLECTION, 10)).containsExactlyInAnyOrder("a-1", "a-3", "a-4");
		assertThat(store.waiting(COLLECTION, 2)).hasSize(2);
	}

	@Test
	void readsTheEventsOfTheClaimedAggregatesInOrderAndLeavesOutThoseGone() {
		aggregate("a-1", "e-1", "e-2");

		OutboxStore.Claim claim = store.claim(COLLECTION, List.of("a-1", "a-gone"), T0, T0.plusSeconds(60));
		Map<Object, List<OutboxEvent>> pending = store.pending(claim);

		assertThat(pending).containsOnlyKeys("a-1");
		assertThat(pending.get("a-1")).extracting(OutboxEvent::eventId).containsExactly("e-1", "e-2");
		assertThat(pending.get("a-1").getFirst().time()).isEqualTo(T0);
	}

	@Test
	void letsOneRelayHoldAnAggregateUntilItsClaimRunsOutOrIsReleased() {
		aggregate("a-1", "e-1");
		OutboxStore.Claim first = store.claim(COLLECTION, List.of("a-1"), T0, T0.plusSeconds(60));

		assertThat(first.ids()).containsExactly("a-1");
		assertThat(store.claim(COLLECTION, List.of("a-1"), T0.plusSeconds(30), T0.plusSeconds(90)).ids()).as("held")
			.isEmpty();
		assertThat(store.claim(COLLECTION, List.of("a-1"), T0.plusSeconds(61), T0.plusSeconds(120)).ids()).as("ran out")
			.containsExactly("a-1");

		store.release(first, List.of("a-1"));
		assertThat(mongo.getCollection(OutboxClaims.COLLECTION).countDocuments()).as("another's claim is not released")
			.isOne();
	}

	@Test
	void backsOffAFailedAggregateByKeepingItsClaimUntilTheRetry() {
		aggregate("a-1", "e-1");
		OutboxStore.Claim claim = store.claim(COLLECTION, List.of("a-1"), T0, T0.plusSeconds(60));

		store.backOff(claim, List.of("a-1"), T0.plusSeconds(2));

		assertThat(store.claim(COLLECTION, List.of("a-1"), T0.plusSeconds(1), T0.plusSeconds(61)).ids()).isEmpty();
		assertThat(store.claim(COLLECTION, List.of("a-1"), T0.plusSeconds(3), T0.plusSeconds(63)).ids())
			.containsExactly("a-1");
	}

	@Test
	void removesOnlyTheAcknowledgedEventsFromTheirDocuments() {
		aggregate("a-1", "e-1", "e-2", "e-3");
		aggregate("a-2", "e-4");

		store.markSent(COLLECTION, Map.of("a-1", List.of("e-1", "e-2"), "a-2", List.of()));

		assertThat(outboxIds("a-1")).containsExactly("e-3");
		assertThat(outboxIds("a-2")).containsExactly("e-4");
	}

	@Test
	void parksARefusedEventWithItsReasonOutOfTheOutbox() {
		aggregate("a-1", "e-1", "e-2");
		OutboxEvent refused = event("e-1");

		store.park(COLLECTION, "a-1", refused, "too large", T0.plus(Duration.ofMinutes(1)));

		assertThat(outboxIds("a-1")).containsExactly("e-2");
		Document parked = mongo.findById("a-1", Document.class, COLLECTION)
			.getList(OutboxDocument.PARKED, Document.class)
			.getFirst();
		assertThat(parked.getString("eventId")).isEqualTo("e-1");
		assertThat(parked.getString("type")).isEqualTo(refused.type());
		assertThat(parked.getString("data")).isEqualTo(refused.data());
		assertThat(parked.getString("reason")).isEqualTo("too large");
		assertThat(parked.getDate("parkedAt").toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
	}

	private void aggregate(String id, String... eventIds) {
		Document document = new Document("_id", id).append("name", "test");
		if (eventIds.length > 0) {
			document.append(OutboxDocument.OUTBOX, List.of(eventIds).stream().map(eventId -> {
				OutboxEvent event = event(eventId);
				return new Document("eventId", event.eventId()).append("type", event.type())
					.append("subject", id)
					.append("time", Date.from(event.time()))
					.append("data", event.data())
					.append("authType", event.authType())
					.append("authId", event.authId());
			}).toList());
		}
		else {
			document.append(OutboxDocument.OUTBOX, List.of());
		}
		mongo.insert(document, COLLECTION);
	}

	private List<String> outboxIds(String id) {
		return mongo.findById(id, Document.class, COLLECTION)
			.getList(OutboxDocument.OUTBOX, Document.class)
			.stream()
			.map(entry -> entry.getString("eventId"))
			.toList();
	}

	private static OutboxEvent event(String eventId) {
		return new OutboxEvent(eventId, "org.decoop.PartnershipEstablished", "a-1", T0, "{\"n\":\"" + eventId + "\"}",
				"system", "test");
	}

}
