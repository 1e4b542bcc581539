package org.decoop.notification.subscription;

import java.time.Duration;
import java.time.Instant;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.web.LimitReached;

/**
 * An address had as many confirmation e-mails as it may get in the window: 429,
 * Retry-After saying when the next one can go.
 */
class TooManyConfirmations extends LimitReached {

	TooManyConfirmations(int max, Duration window, Instant retryAt, Instant now) {
		super(Phrase.of("notification.confirmation.too-many", max, human(window), retryAt),
				Duration.between(now, retryAt));
	}

	private static String human(Duration window) {
		return window.toMinutesPart() == 0 && window.toSecondsPart() == 0 && window.toHours() > 0
				? window.toHours() + " h" : window.toSeconds() + " s";
	}

}
