package org.decoop.partnership.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Closing partner searches past their {@code openUntil}
 * ({@code decoop.partner-search.expiry.*}).
 *
 * @param interval how often the job looks for searches to close
 * @param initialDelay how long after start-up it first looks
 */
@ConfigurationProperties("decoop.partner-search.expiry")
record PartnerSearchExpiryProperties(@DefaultValue("10m") Duration interval,
		@DefaultValue("30s") Duration initialDelay) {
}
