package org.decoop.notification.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.decoop.notification.RetrySchedule;
import org.decoop.events.Channel;
import org.decoop.events.notification.NotificationDeliveryFailed;
import org.decoop.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

/** What follows from an attempt, a retry by hand, and giving up. */
class DeliveryTest {

	private static final RetrySchedule SCHEDULE = new RetrySchedule(
			List.of(Duration.ofSeconds(10), Duration.ofMinutes(1)));

	private static final Instant NOW = Instant.parse("2020-02-27T10:00:00Z");

	private Instant now = NOW;

	@Test
	void retriesOnTheScheduleThenFailsForGoodWithOneEvent() {
		Delivery delivery = pending();

		assertThat(fail(delivery).nextAttemptAt()).contains(now.plusSeconds(10));
		assertThat(fail(delivery).nextAttemptAt()).contains(now.plus(Duration.ofMinutes(1)));
		fail(delivery);

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(delivery.pullEvents()).singleElement()
			.isInstanceOfSatisfying(NotificationDeliveryFailed.class, failed -> {
				assertThat(failed.attempts()).isEqualTo(3);
				assertThat(failed.target()).as("masked").doesNotContain("hooks.example.org/secret-path");
			});
	}

	@Test
	void refusesToRetryADeliveredOrCancelledDelivery() {
		Delivery delivered = pending();
		attempt(delivered, 204, null);
		assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThatThrownBy(() -> delivered.retry(now)).isInstanceOf(StateConflict.class)
			.hasMessageContaining("DELIVERED");

		Delivery cancelled = pending();
		cancelled.giveUp("subscription deleted", now);
		assertThatThrownBy(() -> cancelled.retry(now)).isInstanceOf(StateConflict.class);
	}

	@Test
	void refusesToRetryWhileAnAttemptIsBeingMade() {
		Delivery delivery = pending();
		delivery.claim(now, now.plusSeconds(30));

		assertThatThrownBy(() -> delivery.retry(now)).isInstanceOf(StateConflict.class)
			.hasMessageContaining("being attempted");
	}

	@Test
	void manualRetriesNeitherSpendTheScheduleNorPublishTheFailureAgain() {
		Delivery delivery = pending();
		fail(delivery);
		fail(delivery);
		fail(delivery);
		assertThat(delivery.pullEvents()).hasSize(1);

		for (int i = 0; i < 5; i++) {
			delivery.retry(now);
			fail(delivery);
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
		}

		assertThat(delivery.pullEvents()).as("NotificationDeliveryFailed once").isEmpty();
		assertThat(delivery.attemptCount()).isEqualTo(8);
		assertThat(delivery.attempts()).as("the log keeps the schedule's attempts").hasSize(SCHEDULE.maxAttempts());
	}

	@Test
	void aManualRetryOfAPendingDeliveryOnlyBringsItsNextAttemptForward() {
		Delivery delivery = pending();
		fail(delivery);

		delivery.retry(now);
		assertThat(delivery.nextAttemptAt()).contains(now);
		fail(delivery);

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(delivery.nextAttemptAt()).as("the schedule is where it was").contains(now.plusSeconds(10));
		assertThat(delivery.scheduledAttempts()).isEqualTo(1);
	}

	@Test
	void stopsAtA410WithoutPublishingAFailure() {
		Delivery delivery = pending();
		attempt(delivery, 410, null);

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(delivery.receiverGone()).isTrue();
		assertThat(delivery.pullEvents()).isEmpty();
	}

	@Test
	void refusesAnAttemptThatWasNotClaimed() {
		Delivery delivery = pending();

		assertThatThrownBy(() -> delivery.recordAttempt(new Attempt(now, 200, null, 1), SCHEDULE, now))
			.isInstanceOf(StateConflict.class);
	}

	@Test
	void aDeferredAttemptIsPutOffWithoutSpendingTheSchedule() {
		Delivery delivery = pending();
		delivery.claim(now, now.plusSeconds(30));

		delivery.defer(now.plus(Duration.ofMinutes(40)));

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(delivery.nextAttemptAt()).contains(now.plus(Duration.ofMinutes(40)));
		assertThat(delivery.claimedUntil()).isEmpty();
		assertThat(delivery.attemptCount()).isZero();
		assertThat(delivery.isDue(now.plus(Duration.ofMinutes(39)))).isFalse();
		assertThat(delivery.isDue(now.plus(Duration.ofMinutes(40)))).isTrue();
		assertThatThrownBy(() -> delivery.defer(now)).as("only a claimed attempt").isInstanceOf(StateConflict.class);
	}

	private Delivery fail(Delivery delivery) {
		return attempt(delivery, 500, null);
	}

	private Delivery attempt(Delivery delivery, Integer status, String error) {
		now = delivery.nextAttemptAt().orElse(now);
		delivery.claim(now, now.plusSeconds(30));
		delivery.recordAttempt(new Attempt(now, status, error, 12), SCHEDULE, now);
		return delivery;
	}

	private static Delivery pending() {
		return new Delivery(0, new DeliveryId("d-1"), "s-1", "e-1", "PlanSigned", Channel.WEBHOOK,
				"https://hooks.example.org/secret-path", DeliveryStatus.PENDING, 0, 0, false, NOW, null, null, false,
				List.of());
	}

}
