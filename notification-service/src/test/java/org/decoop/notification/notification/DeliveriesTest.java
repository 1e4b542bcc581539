package org.decoop.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.decoop.notification.RetrySchedule;
import org.decoop.events.Channel;
import org.decoop.notification.notification.domain.Attempt;
import org.decoop.notification.notification.domain.Delivery;
import org.decoop.notification.notification.domain.DeliveryId;
import org.decoop.notification.notification.domain.DeliveryStatus;
import org.decoop.notification.subscription.domain.Filter;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.outbox.AggregateStore;
import org.decoop.platform.outbox.EventSerializer;
import org.decoop.platform.testing.InMemoryMongo;
import org.decoop.platform.testing.MutableClock;
import org.decoop.platform.tracing.Traces;
import org.decoop.notification.notification.domain.Summary;
import org.decoop.notification.notification.domain.Summary.Argument;
import org.decoop.platform.i18n.LanguageMessageSource;
import org.decoop.platform.i18n.LocalizedFormats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Deliveries are claimed by one worker at a time, finished only by the worker that still
 * holds the claim, and queued while pending.
 */
class DeliveriesTest {

	private static final Actor OWNER = new Actor(Actor.Kind.USER, "sub-skgo", "SKGO", Set.of("SKGO"), true);

	private static final RetrySchedule SCHEDULE = new RetrySchedule(
			List.of(Duration.ofSeconds(10), Duration.ofMinutes(1)));

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private final MutableClock clock = new MutableClock(Instant.parse("2020-02-27T10:00:00Z"));

	private final MongoTemplate mongo = MONGO.freshDatabase();

	private final Deliveries deliveries = new Deliveries(mongo,
			new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test"))));

	private final Notifications notifications = new Notifications(mongo, deliveries, clock);

	@BeforeEach
	void indexesAsAtStart() {
		notifications.start();
	}

	private static final Summary ESTABLISHED = Summary.of("notification.summary.PartnershipEstablished",
			Argument.name("Nevers (FR) – Sremska Mitrovica (RS)"));

	private final NotificationRecorder recorder = new NotificationRecorder(notifications, event -> {
	}, Traces.NONE, new Summaries(LanguageMessageSource.fromClassPath(), new LocalizedFormats()));

	private final Subscription subscription = Subscription.create(OWNER, "coordinator", Channel.EMAIL,
			"coordination@skgo.org", List.of(), Filter.NONE, clock.instant());

	@Test
	void keepsTheResultOfTheWorkerThatTookOverAnExpiredClaim() {
		DeliveryId id = stored("e-1");

		Delivery slowWorker = deliveries.claim(id, clock.instant(), clock.instant().plusSeconds(60)).orElseThrow();
		clock.advance(Duration.ofSeconds(61));
		Delivery secondWorker = deliveries.claim(id, clock.instant(), clock.instant().plusSeconds(60)).orElseThrow();
		secondWorker.recordAttempt(new Attempt(clock.instant(), null, null, 40), SCHEDULE, clock.instant());
		deliveries.save(secondWorker);

		slowWorker.recordAttempt(new Attempt(clock.instant(), null, "no answer within 10000 ms", 65_000), SCHEDULE,
				clock.instant());
		assertThat(saved(slowWorker)).as("the late writer's save is refused").isFalse();

		Notification stored = notifications.byId(subscription.id().value(), id.value()).orElseThrow();
		assertThat(stored.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(stored.attempts()).hasSize(1);
		assertThat(stored.message()).as("the inbox entry is left as it was").isEqualTo(ESTABLISHED);
	}

	@Test
	void letsOneWorkerClaimADeliveryWhileTheClaimHolds() {
		DeliveryId id = stored("e-1");

		assertThat(deliveries.claim(id, clock.instant(), clock.instant().plusSeconds(60))).isPresent();
		assertThat(deliveries.claim(id, clock.instant(), clock.instant().plusSeconds(60))).isEmpty();
		assertThat(deliveries.due(clock.instant(), 10)).as("not due while claimed").isEmpty();

		clock.advance(Duration.ofSeconds(61));
		assertThat(deliveries.due(clock.instant(), 10)).containsExactly(id);
	}

	@Test
	void queuesPendingDeliveriesOnlyAndWhenTheyAreDue() {
		DeliveryId delivered = stored("e-1");
		DeliveryId failing = stored("e-2");
		assertThat(deliveries.due(clock.instant(), 10)).containsExactlyInAnyOrder(delivered, failing);

		attempt(delivered, null);
		attempt(failing, "connection refused");

		assertThat(deliveries.due(clock.instant(), 10)).isEmpty();
		assertThat(mongo.getCollection(Deliveries.QUEUE).countDocuments()).as("the delivered one left the queue")
			.isEqualTo(1);
		clock.advance(Duration.ofSeconds(10));
		assertThat(deliveries.due(clock.instant(), 10)).containsExactly(failing);
	}

	@Test
	void aLateQueueUpdateNeverDropsTheEntryOfARetryMadeMeanwhile() {
		DeliveryId id = stored("e-1");
		attempt(id, "connection refused");
		clock.advance(Duration.ofSeconds(10));
		attempt(id, "connection refused");
		clock.advance(Duration.ofMinutes(1));
		Delivery failed = attempt(id, "connection refused");
		assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);

		deliveries.change(id, ExpectedVersion.any(), delivery -> delivery.retry(clock.instant()));
		deliveries.enqueue(failed);

		assertThat(deliveries.due(clock.instant(), 10)).containsExactly(id);
	}

	@Test
	void putsBackInTheQueueAPendingDeliveryACrashLeftOut() {
		DeliveryId id = stored("e-1");
		mongo.dropCollection(Deliveries.QUEUE);

		deliveries.enqueuePending();

		assertThat(deliveries.due(clock.instant(), 10)).containsExactly(id);
	}

	private Delivery attempt(DeliveryId id, String error) {
		Delivery delivery = deliveries.claim(id, clock.instant(), clock.instant().plusSeconds(60)).orElseThrow();
		delivery.recordAttempt(new Attempt(clock.instant(), null, error, 5), SCHEDULE, clock.instant());
		return deliveries.save(delivery);
	}

	private boolean saved(Delivery delivery) {
		try {
			deliveries.save(delivery);
			return true;
		}
		catch (OptimisticLockingFailureException refused) {
			return false;
		}
	}

	private DeliveryId stored(String eventId) {
		recorder.record(subscription, IncomingEvents.established(eventId), ESTABLISHED, clock.instant());
		return new DeliveryId(Notifications.idOf(subscription.id().value(), eventId));
	}

}
