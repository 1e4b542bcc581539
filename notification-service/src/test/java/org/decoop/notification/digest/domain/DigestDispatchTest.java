package org.decoop.notification.digest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.decoop.notification.RetrySchedule;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

/**
 * A digest is claimed with a lease before it is sent; a dead holder's claim and a due
 * retry can be taken over, a sent one never.
 */
class DigestDispatchTest {

	private static final Instant NOW = Instant.parse("2026-11-27T07:00:30Z");

	private static final DigestPeriod PERIOD = new DigestPeriod(Digest.DAILY, Instant.parse("2026-11-26T07:00:00Z"),
			Instant.parse("2026-11-27T07:00:00Z"));

	private static final RetrySchedule RETRIES = new RetrySchedule(
			List.of(Duration.ofMinutes(5), Duration.ofMinutes(30)));

	@Test
	void aLiveClaimCannotBeTakenOverAndAnExpiredOneCan() {
		DigestDispatch claimed = DigestDispatch.claim("s-1", PERIOD, NOW.plusSeconds(60));

		assertThat(claimed.canBeTakenOver(NOW.plusSeconds(59))).isFalse();
		assertThatThrownBy(() -> claimed.takeOver(NOW.plusSeconds(59), NOW.plusSeconds(119)))
			.isInstanceOf(StateConflict.class);

		assertThat(claimed.canBeTakenOver(NOW.plusSeconds(60))).as("its holder died: the lease ran out").isTrue();
		claimed.takeOver(NOW.plusSeconds(60), NOW.plusSeconds(120));
		assertThat(claimed.status()).isEqualTo(DigestStatus.SENDING);
		assertThat(claimed.leasedUntil()).contains(NOW.plusSeconds(120));
	}

	@Test
	void aSentDigestIsNeverTakenOver() {
		DigestDispatch sent = DigestDispatch.claim("s-1", PERIOD, NOW.plusSeconds(60));
		sent.sent(3, NOW.plusSeconds(1));

		assertThat(sent.status()).isEqualTo(DigestStatus.SENT);
		assertThat(sent.sentAt()).contains(NOW.plusSeconds(1));
		assertThat(sent.notificationCount()).isEqualTo(3);
		assertThat(sent.canBeTakenOver(NOW.plus(Duration.ofDays(30)))).isFalse();
		assertThatThrownBy(() -> sent.sent(3, NOW)).isInstanceOf(StateConflict.class);
	}

	@Test
	void anEmptyPeriodIsDoneWithoutAnAttempt() {
		DigestDispatch empty = DigestDispatch.claim("s-1", PERIOD, NOW.plusSeconds(60));
		empty.nothingToSend();

		assertThat(empty.status()).isEqualTo(DigestStatus.EMPTY);
		assertThat(empty.attempts()).isEmpty();
		assertThat(empty.canBeTakenOver(NOW.plus(Duration.ofDays(1)))).isFalse();
	}

	@Test
	void aFailedAttemptIsRetriedOnTheScheduleThenFailsForGood() {
		DigestDispatch dispatch = DigestDispatch.claim("s-1", PERIOD, NOW.plusSeconds(60));
		dispatch.failed(2, "mail server unreachable", NOW, RETRIES);

		assertThat(dispatch.status()).isEqualTo(DigestStatus.RETRYING);
		assertThat(dispatch.nextAttemptAt()).contains(NOW.plus(Duration.ofMinutes(5)));
		assertThat(dispatch.canBeTakenOver(NOW.plus(Duration.ofMinutes(4)))).isFalse();
		assertThat(dispatch.canBeTakenOver(NOW.plus(Duration.ofMinutes(5)))).isTrue();

		dispatch.takeOver(NOW.plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(6)));
		dispatch.failed(2, "mail server unreachable", NOW.plus(Duration.ofMinutes(5)), RETRIES);
		assertThat(dispatch.nextAttemptAt()).contains(NOW.plus(Duration.ofMinutes(35)));

		dispatch.takeOver(NOW.plus(Duration.ofMinutes(35)), NOW.plus(Duration.ofMinutes(36)));
		dispatch.failed(2, "the mail server refused the credentials", NOW.plus(Duration.ofMinutes(35)), RETRIES);
		assertThat(dispatch.status()).isEqualTo(DigestStatus.FAILED);
		assertThat(dispatch.nextAttemptAt()).isEmpty();
		assertThat(dispatch.attemptCount()).isEqualTo(3);
		assertThat(dispatch.attempts()).extracting(DigestAttempt::error)
			.last()
			.isEqualTo("the mail server refused the credentials");
		assertThat(dispatch.canBeTakenOver(NOW.plus(Duration.ofDays(30)))).isFalse();
	}

	@Test
	void itsHolderRenewsTheLeaseBeforeSendingAndOnlyWhileItHoldsIt() {
		DigestDispatch claimed = DigestDispatch.claim("s-1", PERIOD, NOW.plusSeconds(60));
		claimed.renewLease(NOW.plus(Duration.ofMinutes(5)));

		assertThat(claimed.leasedUntil()).contains(NOW.plus(Duration.ofMinutes(5)));
		assertThat(claimed.canBeTakenOver(NOW.plus(Duration.ofMinutes(4)))).isFalse();

		claimed.sent(1, NOW.plusSeconds(30));
		assertThatThrownBy(() -> claimed.renewLease(NOW.plus(Duration.ofMinutes(10))))
			.isInstanceOf(StateConflict.class);
	}

	@Test
	void oneWhoseSubscriptionIsGoneIsCancelledForGood() {
		DigestDispatch dispatch = DigestDispatch.claim("s-1", PERIOD, NOW.plusSeconds(60));
		dispatch.failed(2, "mail server unreachable", NOW, RETRIES);
		dispatch.takeOver(NOW.plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(10)));
		dispatch.cancel("subscription deleted", NOW.plus(Duration.ofMinutes(5)));

		assertThat(dispatch.status()).isEqualTo(DigestStatus.CANCELLED);
		assertThat(dispatch.status().isFinal()).isTrue();
		assertThat(dispatch.attemptCount()).as("a note, not an attempt").isEqualTo(1);
		assertThat(dispatch.attempts()).extracting(DigestAttempt::error).last().isEqualTo("subscription deleted");
		assertThat(dispatch.leasedUntil()).isEmpty();
		assertThat(dispatch.canBeTakenOver(NOW.plus(Duration.ofDays(30)))).isFalse();
	}

	@Test
	void aPeriodEndsAfterItStarts() {
		assertThatThrownBy(() -> new DigestPeriod(Digest.DAILY, NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
	}

}
