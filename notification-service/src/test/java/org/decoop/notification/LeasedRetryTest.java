package org.decoop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The retry state deliveries and digests share: a lease, the attempts the schedule
 * counts, the next attempt.
 */
class LeasedRetryTest {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private static final RetrySchedule SCHEDULE = new RetrySchedule(
			List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)));

	@Test
	void isHeldUntilItsLeaseRunsOutThenFreeToTakeOver() {
		LeasedRetry leased = LeasedRetry.dueAt(NOW).lease(NOW.plusSeconds(60));

		assertThat(leased.isLeased(NOW.plusSeconds(59))).isTrue();
		assertThat(leased.isLeased(NOW.plusSeconds(60))).as("a lease that ran out holds nothing").isFalse();
		assertThat(leased.hasLease()).as("until its outcome is recorded").isTrue();
		assertThat(leased.nextAttemptAt()).as("leasing keeps the attempt where it was").contains(NOW);
		assertThat(LeasedRetry.leased(NOW.plusSeconds(60)).isSpent()).isTrue();
	}

	@Test
	void isDueFromItsNextAttemptOn() {
		LeasedRetry retry = LeasedRetry.dueAt(NOW);

		assertThat(retry.isDue(NOW.minusMillis(1))).isFalse();
		assertThat(retry.isDue(NOW)).isTrue();
		assertThat(retry.stopped().isDue(NOW.plusSeconds(3600))).as("nothing more is attempted").isFalse();
	}

	@Test
	void backsOffAlongTheScheduleAfterEachCountedAttemptUntilItIsSpent() {
		LeasedRetry first = LeasedRetry.dueAt(NOW).lease(NOW.plusSeconds(60)).attempted(true).scheduled(SCHEDULE, NOW);
		assertThat(first.hasLease()).isFalse();
		assertThat(first.attempts()).isOne();
		assertThat(first.nextAttemptAt()).contains(NOW.plus(Duration.ofMinutes(1)));

		LeasedRetry second = first.lease(NOW.plusSeconds(120)).attempted(true).scheduled(SCHEDULE, NOW.plusSeconds(60));
		assertThat(second.nextAttemptAt()).contains(NOW.plusSeconds(60).plus(Duration.ofMinutes(10)));

		LeasedRetry third = second.attempted(true).scheduled(SCHEDULE, NOW.plusSeconds(700));
		assertThat(third.attempts()).isEqualTo(3);
		assertThat(third.isSpent()).as("the first attempt and one per delay").isTrue();
	}

	@Test
	void anAttemptThatIsNotCountedNeitherSpendsNorMovesTheSchedule() {
		LeasedRetry counted = LeasedRetry.dueAt(NOW).attempted(true).scheduled(SCHEDULE, NOW);

		LeasedRetry byHand = counted.nextAt(NOW.plusSeconds(5))
			.lease(NOW.plusSeconds(65))
			.attempted(false)
			.scheduled(SCHEDULE, NOW.plusSeconds(5));

		assertThat(byHand.attempts()).isOne();
		assertThat(byHand.nextAttemptAt()).contains(NOW.plusSeconds(5).plus(Duration.ofMinutes(1)));
	}

	@Test
	void isPutOffOrBroughtForwardWithoutSpendingAnAttempt() {
		LeasedRetry leased = new LeasedRetry(NOW.plusSeconds(60), NOW, 1);

		LeasedRetry deferred = leased.nextAt(NOW.plus(Duration.ofHours(1)));

		assertThat(deferred).isEqualTo(new LeasedRetry(null, NOW.plus(Duration.ofHours(1)), 1));
		assertThat(leased.released()).isEqualTo(new LeasedRetry(null, NOW, 1));
		assertThat(leased.stopped()).isEqualTo(new LeasedRetry(null, null, 1));
	}

}
