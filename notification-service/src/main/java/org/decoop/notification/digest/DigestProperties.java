package org.decoop.notification.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.decoop.notification.digest.domain.DigestSchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Digest e-mails ({@code decoop.notification.digest.*}).
 *
 * @param enabled   whether this instance runs the digest job (every instance may: a period's digest is claimed once)
 * @param time      the local time digests are sent at, and periods end at
 * @param zone      the time zone of {@code time}
 * @param weeklyOn  the day WEEKLY digests are sent on
 * @param interval  how often the job looks for periods that have ended and retries that are due
 * @param settle    how long after a period's end the job waits before reading it, so that a
 *                  notification stored at the last moment (its insert still on its way) is in it
 * @param maxListed at most this many notifications are listed in one e-mail; it says how many more
 *                  there are, all of them being in the inbox
 */
@ConfigurationProperties("decoop.notification.digest")
public record DigestProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("08:00") LocalTime time,
        @DefaultValue("Europe/Belgrade") ZoneId zone,
        @DefaultValue("MONDAY") DayOfWeek weeklyOn,
        @DefaultValue("1m") Duration interval,
        @DefaultValue("30s") Duration settle,
        @DefaultValue("200") int maxListed) {

    public DigestSchedule schedule() {
        return new DigestSchedule(time, zone, weeklyOn);
    }
}
