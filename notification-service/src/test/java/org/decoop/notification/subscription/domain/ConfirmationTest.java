package org.decoop.notification.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.decoop.notification.RetrySchedule;
import org.decoop.notification.subscription.domain.Confirmation.Outcome;
import org.decoop.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

/**
 * A confirmation link: random, stored hashed, single use, valid 48 h, replaced by the
 * next e-mail.
 */
class ConfirmationTest {

	private static final Instant NOW = Instant.parse("2020-02-27T10:00:00Z");

	private static final Duration VALIDITY = Duration.ofHours(48);

	private static final RetrySchedule SCHEDULE = new RetrySchedule(
			List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)));

	@Test
	void aTokenIsRandomUrlSafeAndStoredOnlyAsItsHash() {
		ConfirmationToken token = ConfirmationToken.generate();

		assertThat(token.value()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(ConfirmationToken.generate().value());
		Confirmation sending = Confirmation.requested(NOW).sending(token, NOW, VALIDITY, NOW.plusSeconds(60));
		assertThat(sending.tokenHash()).isNotEqualTo(token.value()).hasSize(43);
		assertThat(sending.toString()).doesNotContain(token.value());
		assertThat(token.toString()).doesNotContain(token.value());
	}

	@Test
	void aLinkConfirmsOnceThenIsUsed() {
		ConfirmationToken token = ConfirmationToken.generate();
		Confirmation sent = Confirmation.requested(NOW).sending(token, NOW, VALIDITY, NOW.plusSeconds(60)).sent(NOW);

		assertThat(sent.check(token.value(), NOW.plusSeconds(5))).isEqualTo(Outcome.VALID);
		Confirmation confirmed = sent.confirmed(NOW.plusSeconds(5));
		assertThat(confirmed.check(token.value(), NOW.plusSeconds(6))).isEqualTo(Outcome.USED);
		assertThat(confirmed.isMailDue(NOW.plus(Duration.ofDays(1)))).isFalse();
		assertThatThrownBy(() -> confirmed.resent(NOW)).isInstanceOf(StateConflict.class);
	}

	@Test
	void aLinkExpiresAfterItsValidity() {
		ConfirmationToken token = ConfirmationToken.generate();
		Confirmation sent = Confirmation.requested(NOW).sending(token, NOW, VALIDITY, NOW.plusSeconds(60)).sent(NOW);

		assertThat(sent.check(token.value(), NOW.plus(VALIDITY).minusSeconds(1))).isEqualTo(Outcome.VALID);
		assertThat(sent.check(token.value(), NOW.plus(VALIDITY))).isEqualTo(Outcome.EXPIRED);
	}

	@Test
	void aNewEmailReplacesTheLinkOfTheOneBefore() {
		ConfirmationToken first = ConfirmationToken.generate();
		Confirmation sent = Confirmation.requested(NOW).sending(first, NOW, VALIDITY, NOW.plusSeconds(60)).sent(NOW);
		Confirmation resent = sent.resent(NOW.plusSeconds(10));
		assertThat(resent.isMailDue(NOW.plusSeconds(10))).isTrue();

		ConfirmationToken second = ConfirmationToken.generate();
		Confirmation again = resent.sending(second, NOW.plusSeconds(10), VALIDITY, NOW.plusSeconds(70))
			.sent(NOW.plusSeconds(11));

		assertThat(again.check(first.value(), NOW.plusSeconds(12))).isEqualTo(Outcome.UNKNOWN);
		assertThat(again.check(second.value(), NOW.plusSeconds(12))).isEqualTo(Outcome.VALID);
		assertThat(again.check("guessed", NOW.plusSeconds(12))).isEqualTo(Outcome.UNKNOWN);
		assertThat(again.check(null, NOW.plusSeconds(12))).isEqualTo(Outcome.UNKNOWN);
	}

	@Test
	void aClaimedEmailIsNotDueUntilTheClaimRunsOutAndAFailedOneIsRetriedOnTheSchedule() {
		Confirmation claimed = Confirmation.requested(NOW)
			.sending(ConfirmationToken.generate(), NOW, VALIDITY, NOW.plusSeconds(60));
		assertThat(claimed.isMailDue(NOW.plusSeconds(59))).isFalse();
		assertThat(claimed.isMailDue(NOW.plusSeconds(60))).as("after a crash").isTrue();
		assertThatThrownBy(() -> claimed.sending(ConfirmationToken.generate(), NOW, VALIDITY, NOW.plusSeconds(60)))
			.isInstanceOf(StateConflict.class);

		Confirmation failed = claimed.failed("mail server unreachable", SCHEDULE, NOW);
		assertThat(failed.mailDueAt()).isEqualTo(NOW.plusSeconds(5));
		Confirmation spent = failed.failed("x", SCHEDULE, NOW).failed("x", SCHEDULE, NOW);
		assertThat(spent.mailDueAt()).as("its retries spent; the owner may ask again").isNull();
		assertThat(spent.mailAttempts()).isEqualTo(3);
	}

}
