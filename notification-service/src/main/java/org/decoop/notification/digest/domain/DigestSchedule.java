package org.decoop.notification.digest.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.decoop.notification.subscription.domain.Digest;

/**
 * When digests are sent: every day ({@code DAILY}) or every {@code weeklyOn}
 * ({@code WEEKLY}) at the local time {@code sendAt} in {@code zone}. A DAILY period runs
 * from one day's send time to the next day's, a WEEKLY one from one {@code weeklyOn}'s
 * send time to the next's, both in local time: across a daylight-saving change a day
 * lasts 23 or 25 hours and a week one hour less or more.
 *
 * <p>
 * A send time that does not exist on a day (in the hour skipped when clocks go forward)
 * moves forward by the length of the gap; one that happens twice (when clocks go back) is
 * the earlier one.
 */
public record DigestSchedule(LocalTime sendAt, ZoneId zone, DayOfWeek weeklyOn) {

	public DigestSchedule {
		Objects.requireNonNull(sendAt, "sendAt");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(weeklyOn, "weeklyOn");
	}

	/**
	 * The latest period of this kind that has ended at {@code now} (its end is not after
	 * {@code now}); empty for {@link Digest#NONE}, which has no periods.
	 */
	public Optional<DigestPeriod> lastEnded(Digest digest, Instant now) {
		LocalDate today = now.atZone(zone).toLocalDate();
		return switch (digest) {
			case NONE -> Optional.empty();
			case DAILY -> {
				LocalDate endDay = sendTimeOn(today).isAfter(now) ? today.minusDays(1) : today;
				yield Optional.of(new DigestPeriod(digest, sendTimeOn(endDay.minusDays(1)), sendTimeOn(endDay)));
			}
			case WEEKLY -> {
				LocalDate endDay = today.with(TemporalAdjusters.previousOrSame(weeklyOn));
				if (sendTimeOn(endDay).isAfter(now)) {
					endDay = endDay.minusWeeks(1);
				}
				yield Optional.of(new DigestPeriod(digest, sendTimeOn(endDay.minusWeeks(1)), sendTimeOn(endDay)));
			}
		};
	}

	/**
	 * The {@code count} latest periods of this kind that have ended at {@code now},
	 * newest first: consecutive, each ending where the next one starts. Empty for
	 * {@link Digest#NONE}.
	 */
	public List<DigestPeriod> lastEnded(Digest digest, Instant now, int count) {
		List<DigestPeriod> periods = new ArrayList<>();
		Optional<DigestPeriod> period = lastEnded(digest, now);
		while (period.isPresent() && periods.size() < count) {
			periods.add(period.get());
			// the latest period that has ended when this one starts is the one that ends
			// there
			period = lastEnded(digest, period.get().start());
		}
		return periods;
	}

	/**
	 * The instant of the send time on a local day ({@link ZonedDateTime#of} resolves gaps
	 * and overlaps as documented above).
	 */
	public Instant sendTimeOn(LocalDate day) {
		return ZonedDateTime.of(day, sendAt, zone).toInstant();
	}
}
