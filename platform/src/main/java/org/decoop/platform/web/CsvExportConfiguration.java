package org.decoop.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The CSV exports' own bounded executor ({@link CsvExports}), in every service and its
 * web slices.
 */
@AutoConfiguration
@EnableConfigurationProperties(CsvExportProperties.class)
public class CsvExportConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CsvExports csvExports(CsvExportProperties properties) {
		return new CsvExports(properties);
	}

}
