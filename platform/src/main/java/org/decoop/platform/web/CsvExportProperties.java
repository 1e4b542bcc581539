package org.decoop.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CSV exports ({@code decoop.csv-export.*}).
 *
 * @param maxConcurrent how many exports stream at once, each on a thread of its own; one
 * more is answered 503
 * @param writeTimeout the longest an export may take to reach its reader; a slower reader
 * is cut off
 */
@ConfigurationProperties("decoop.csv-export")
public record CsvExportProperties(@DefaultValue("8") int maxConcurrent, @DefaultValue("30m") Duration writeTimeout) {

	public CsvExportProperties {
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("decoop.csv-export.max-concurrent must be at least 1");
		}
	}
}
