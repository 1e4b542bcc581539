package org.decoop.partnership.partnership;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic dormancy ({@code decoop.partnership.dormancy.*}).
 *
 * @param after time without activity after which an ACTIVE partnership goes DORMANT
 * (ISO-8601 period)
 * @param interval how often the job runs
 * @param initialDelay how long after start-up it first runs
 */
@ConfigurationProperties("decoop.partnership.dormancy")
record DormancyProperties(@DefaultValue("P24M") Period after, @DefaultValue("1h") Duration interval,
		@DefaultValue("1m") Duration initialDelay) {
}
