package org.decoop.notification.subscription.domain;

import java.time.Duration;
import java.time.Instant;

import org.decoop.platform.domain.Phrase;
import org.decoop.notification.RetrySchedule;
import org.decoop.platform.domain.StateConflict;
import org.jspecify.annotations.Nullable;

/**
 * The confirmation of an EMAIL subscription's address, and the confirmation e-mail on its
 * way. The e-mail waits here, written with the subscription in one document (no dual
 * write), until a worker {@link #sending sends} it: the token is issued right then, so it
 * is never stored but as its hash, and each e-mail sent replaces the link of the one
 * before. A link works once, until it expires.
 *
 * @param tokenHash SHA-256 of the latest link's token (kept once used, so a second use is
 * told apart)
 * @param expiresAt when the latest link stops working
 * @param confirmedAt when the address was confirmed
 * @param mailDueAt when the e-mail is due, or the end of a worker's claim on it while it
 * is sent; null once sent, given up or confirmed
 * @param mailAttempts attempts at sending the current e-mail
 * @param mailError why the latest attempt failed
 * @param mailSentAt when the latest e-mail was handed to the mail server
 */
public record Confirmation(@Nullable String tokenHash, @Nullable Instant expiresAt, @Nullable Instant confirmedAt,
		@Nullable Instant mailDueAt, int mailAttempts, @Nullable String mailError, @Nullable Instant mailSentAt) {

	/** What a presented token is worth. */
	public enum Outcome {

		/** It confirms the subscription. */
		VALID,
		/**
		 * Not the subscription's latest link (never issued, or replaced by a newer
		 * e-mail).
		 */
		UNKNOWN,
		/** The latest link, past its validity. */
		EXPIRED,
		/** The latest link, already used. */
		USED

	}

	/** A confirmation e-mail due now for a new subscription. */
	public static Confirmation requested(Instant now) {
		return new Confirmation(null, null, null, now, 0, null, null);
	}

	/** Whether its e-mail is due and no worker holds it. */
	public boolean isMailDue(Instant now) {
		return confirmedAt == null && mailDueAt != null && !mailDueAt.isAfter(now);
	}

	/**
	 * Claimed by a worker until {@code claimedUntil} to send the e-mail with a new
	 * {@code token}, valid for {@code validity}: every earlier link stops working. After
	 * a crash the claim runs out and the e-mail is due again.
	 */
	public Confirmation sending(ConfirmationToken token, Instant now, Duration validity, Instant claimedUntil) {
		if (!isMailDue(now)) {
			throw new StateConflict(Phrase.of("notification.confirmation.not-due"));
		}
		return new Confirmation(token.hash(), now.plus(validity), null, claimedUntil, mailAttempts, mailError,
				mailSentAt);
	}

	public Confirmation sent(Instant now) {
		return new Confirmation(tokenHash, expiresAt, confirmedAt, null, mailAttempts + 1, null, now);
	}

	/**
	 * The attempt failed: another one at the schedule's next time, or none when its
	 * retries are spent (the owner may ask again).
	 */
	public Confirmation failed(String error, RetrySchedule schedule, Instant now) {
		int attempts = mailAttempts + 1;
		return new Confirmation(tokenHash, expiresAt, confirmedAt, schedule.nextAttempt(attempts, now).orElse(null),
				attempts, error, mailSentAt);
	}

	/**
	 * Its owner asks for another e-mail (a lost one, an expired link): due now, with a
	 * fresh schedule.
	 */
	public Confirmation resent(Instant now) {
		if (confirmedAt != null) {
			throw new StateConflict(Phrase.of("notification.confirmation.confirmed-already"));
		}
		return new Confirmation(tokenHash, expiresAt, null, now, 0, null, mailSentAt);
	}

	public Outcome check(String presentedToken, Instant now) {
		// no link was sent yet: no token is the latest one
		if (tokenHash == null || expiresAt == null || !ConfirmationToken.matches(presentedToken, tokenHash)) {
			return Outcome.UNKNOWN;
		}
		if (confirmedAt != null) {
			return Outcome.USED;
		}
		return now.isBefore(expiresAt) ? Outcome.VALID : Outcome.EXPIRED;
	}

	/** The link was used: it never works again, and no e-mail is due any more. */
	public Confirmation confirmed(Instant now) {
		return new Confirmation(tokenHash, expiresAt, now, null, mailAttempts, mailError, mailSentAt);
	}
}
