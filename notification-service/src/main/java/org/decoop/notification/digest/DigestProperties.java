package org.decoop.notification.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.decoop.notification.digest.domain.DigestSchedule;
import org.decoop.notification.subscription.domain.Digest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Digest e-mails ({@code decoop.notification.digest.*}).
 *
 * @param enabled whether this instance runs the digest job (every instance may: a
 * period's digest is claimed once)
 * @param time the local time digests are sent at, and periods end at
 * @param zone the time zone of {@code time}
 * @param weeklyOn the day WEEKLY digests are sent on
 * @param interval how often the job looks for periods that have ended and retries that
 * are due
 * @param settle how long after a period's end the job waits before reading it, so that a
 * notification stored at the last moment (its insert still on its way) is in it
 * @param maxListed at most this many notifications are listed in one e-mail; it says how
 * many more there are, all of them being in the inbox
 * @param lease how long a claimed digest is its holder's; renewed right before the e-mail
 * is handed to the mail server, it must outlast one SMTP session: with the default mail
 * timeouts (connect 5 s, each read or write 10 s) and about ten round trips (EHLO,
 * STARTTLS, EHLO, AUTH, MAIL, RCPT, DATA, the message, its end, QUIT) that is at most 5 s
 * + 10 × 10 s ≈ 2 min, so the default 5 min leaves room. Raise it with the timeouts. A
 * holder that outlives it may have the digest taken over and sent a second time.
 * @param dailyCatchUp how many of the latest ended DAILY periods each pass looks at for
 * digests not sent yet (after every instance was down): 7, a week
 * @param weeklyCatchUp the same for WEEKLY periods: 2
 */
@ConfigurationProperties("decoop.notification.digest")
public record DigestProperties(@DefaultValue("true") boolean enabled, @DefaultValue("08:00") LocalTime time,
		@DefaultValue("Europe/Belgrade") ZoneId zone, @DefaultValue("MONDAY") DayOfWeek weeklyOn,
		@DefaultValue("1m") Duration interval, @DefaultValue("30s") Duration settle, @DefaultValue("200") int maxListed,
		@DefaultValue("5m") Duration lease, @DefaultValue("7") int dailyCatchUp, @DefaultValue("2") int weeklyCatchUp) {

	public DigestProperties {
		if (lease == null || lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("decoop.notification.digest.lease must be positive, not " + lease);
		}
		if (dailyCatchUp < 1 || weeklyCatchUp < 1) {
			throw new IllegalArgumentException(
					"decoop.notification.digest.daily-catch-up and weekly-catch-up must be at least 1");
		}
	}

	/**
	 * How many of the latest ended periods of this kind a pass looks at (0 for NONE,
	 * which has none).
	 */
	public int catchUp(Digest digest) {
		return switch (digest) {
			case NONE -> 0;
			case DAILY -> dailyCatchUp;
			case WEEKLY -> weeklyCatchUp;
		};
	}

	public DigestSchedule schedule() {
		return new DigestSchedule(time, zone, weeklyOn);
	}
}
