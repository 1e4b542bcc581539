package org.decoop.partnership.search;

import org.decoop.events.Sources;
import org.decoop.events.Topics;
import org.decoop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Partner search events wait in the search documents; the relay publishes them beside the
 * partnership events.
 */
@Configuration(proxyBeanMethods = false)
class PartnerSearchOutbox {

	@Bean
	OutboxSource partnerSearchEventsSource() {
		return new OutboxSource(PartnerSearchDocument.COLLECTION, Topics.PARTNERSHIP_EVENTS,
				Sources.PARTNERSHIP_SERVICE);
	}

}
