package org.decoop.notification.digest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.decoop.notification.subscription.domain.Digest;
import org.junit.jupiter.api.Test;

/**
 * Periods end at the local send time and start at the one before it, whatever daylight
 * saving does.
 */
class DigestScheduleTest {

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	private static final DigestSchedule EIGHT_IN_BELGRADE = new DigestSchedule(LocalTime.of(8, 0), BELGRADE,
			DayOfWeek.MONDAY);

	@Test
	void aDailyPeriodIsThePreviousDayEndingAtTheSendTime() {
		DigestPeriod period = EIGHT_IN_BELGRADE.lastEnded(Digest.DAILY, belgrade(2026, 11, 27, 13, 10)).orElseThrow();

		assertThat(period.start()).isEqualTo(belgrade(2026, 11, 26, 8, 0));
		assertThat(period.end()).isEqualTo(belgrade(2026, 11, 27, 8, 0));
		assertThat(period.end()).isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
	}

	@Test
	void aPeriodEndsExactlyAtTheSendTimeAndNotBefore() {
		assertThat(EIGHT_IN_BELGRADE.lastEnded(Digest.DAILY, belgrade(2026, 11, 27, 8, 0)).orElseThrow().end())
			.isEqualTo(belgrade(2026, 11, 27, 8, 0));
		assertThat(EIGHT_IN_BELGRADE.lastEnded(Digest.DAILY, belgrade(2026, 11, 27, 8, 0).minusMillis(1))
			.orElseThrow()
			.end()).isEqualTo(belgrade(2026, 11, 26, 8, 0));
	}

	@Test
	void theDayClocksGoForwardHas23HoursAndTheDayTheyGoBack25() {
		// Europe/Belgrade: CET → CEST on Sunday 29 March 2026 at 02:00, back on Sunday 25
		// October 2026 at 03:00
		DigestPeriod spring = EIGHT_IN_BELGRADE.lastEnded(Digest.DAILY, belgrade(2026, 3, 29, 9, 0)).orElseThrow();
		assertThat(spring.start()).isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
		assertThat(spring.end()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
		assertThat(Duration.between(spring.start(), spring.end())).isEqualTo(Duration.ofHours(23));

		DigestPeriod autumn = EIGHT_IN_BELGRADE.lastEnded(Digest.DAILY, belgrade(2026, 10, 25, 9, 0)).orElseThrow();
		assertThat(Duration.between(autumn.start(), autumn.end())).isEqualTo(Duration.ofHours(25));
		assertThat(autumn.end()).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
	}

	@Test
	void aSendTimeInTheSkippedHourMovesForwardAndOneInTheRepeatedHourIsTheFirst() {
		DigestSchedule halfPastTwo = new DigestSchedule(LocalTime.of(2, 30), BELGRADE, DayOfWeek.MONDAY);

		assertThat(halfPastTwo.lastEnded(Digest.DAILY, Instant.parse("2026-03-29T12:00:00Z")).orElseThrow().end())
			.as("02:30 does not exist on 29 March: 03:30 CEST")
			.isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(halfPastTwo.lastEnded(Digest.DAILY, Instant.parse("2026-10-25T12:00:00Z")).orElseThrow().end())
			.as("02:30 happens twice on 25 October: the first, CEST")
			.isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
	}

	@Test
	void aWeeklyPeriodRunsFromTheSendTimeOnItsDayToTheSameOneWeekLater() {
		// Friday 27 November 2026: the last Monday send time was 23 November
		DigestPeriod week = EIGHT_IN_BELGRADE.lastEnded(Digest.WEEKLY, belgrade(2026, 11, 27, 13, 10)).orElseThrow();
		assertThat(week.start()).isEqualTo(belgrade(2026, 11, 16, 8, 0));
		assertThat(week.end()).isEqualTo(belgrade(2026, 11, 23, 8, 0));

		assertThat(EIGHT_IN_BELGRADE.lastEnded(Digest.WEEKLY, belgrade(2026, 11, 23, 7, 59)).orElseThrow().end())
			.as("on its day, before the send time: the week before")
			.isEqualTo(belgrade(2026, 11, 16, 8, 0));
		assertThat(EIGHT_IN_BELGRADE.lastEnded(Digest.WEEKLY, belgrade(2026, 11, 23, 8, 0)).orElseThrow().end())
			.isEqualTo(belgrade(2026, 11, 23, 8, 0));
	}

	@Test
	void theWeeklyDayIsConfigurableAndAWeekAcrossTheChangeHas167Hours() {
		DigestSchedule sundays = new DigestSchedule(LocalTime.of(8, 0), BELGRADE, DayOfWeek.SUNDAY);
		DigestPeriod week = sundays.lastEnded(Digest.WEEKLY, belgrade(2026, 4, 1, 12, 0)).orElseThrow();

		assertThat(week.end()).isEqualTo(belgrade(2026, 3, 29, 8, 0));
		assertThat(week.start()).isEqualTo(belgrade(2026, 3, 22, 8, 0));
		assertThat(Duration.between(week.start(), week.end())).isEqualTo(Duration.ofHours(167));
	}

	@Test
	void consecutivePeriodsNeitherOverlapNorLeaveAGap() {
		DigestPeriod first = EIGHT_IN_BELGRADE.lastEnded(Digest.DAILY, belgrade(2026, 3, 29, 9, 0)).orElseThrow();
		DigestPeriod second = EIGHT_IN_BELGRADE.lastEnded(Digest.DAILY, belgrade(2026, 3, 30, 9, 0)).orElseThrow();
		assertThat(second.start()).isEqualTo(first.end());
	}

	@Test
	void noDigestHasNoPeriod() {
		assertThat(EIGHT_IN_BELGRADE.lastEnded(Digest.NONE, Instant.now())).isEmpty();
		assertThat(EIGHT_IN_BELGRADE.lastEnded(Digest.NONE, Instant.now(), 7)).isEmpty();
	}

	@Test
	void theLatestEndedPeriodsForCatchingUpAreConsecutiveNewestFirstAcrossTheChange() {
		// Wednesday 1 April 2026, 09:00: the week back crosses 29 March (23 hours)
		List<DigestPeriod> days = EIGHT_IN_BELGRADE.lastEnded(Digest.DAILY, belgrade(2026, 4, 1, 9, 0), 7);

		assertThat(days).hasSize(7);
		assertThat(days.getFirst())
			.isEqualTo(EIGHT_IN_BELGRADE.lastEnded(Digest.DAILY, belgrade(2026, 4, 1, 9, 0)).orElseThrow());
		assertThat(days.getFirst().end()).isEqualTo(belgrade(2026, 4, 1, 8, 0));
		assertThat(days.getLast().start()).isEqualTo(belgrade(2026, 3, 25, 8, 0));
		for (int i = 1; i < days.size(); i++) {
			assertThat(days.get(i).end()).as("no gap, no overlap").isEqualTo(days.get(i - 1).start());
		}
		assertThat(days).extracting(period -> Duration.between(period.start(), period.end()))
			.containsOnly(Duration.ofHours(24), Duration.ofHours(23));

		List<DigestPeriod> weeks = EIGHT_IN_BELGRADE.lastEnded(Digest.WEEKLY, belgrade(2026, 11, 27, 13, 10), 2);
		assertThat(weeks).extracting(DigestPeriod::end)
			.containsExactly(belgrade(2026, 11, 23, 8, 0), belgrade(2026, 11, 16, 8, 0));
		assertThat(weeks.getLast().start()).isEqualTo(belgrade(2026, 11, 9, 8, 0));
	}

	private static Instant belgrade(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(BELGRADE).toInstant();
	}

}
