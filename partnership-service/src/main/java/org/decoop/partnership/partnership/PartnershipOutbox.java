package org.decoop.partnership.partnership;

import org.decoop.events.Sources;
import org.decoop.events.Topics;
import org.decoop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Partnership events wait in the partnership documents; the platform's relay publishes
 * them.
 */
@Configuration(proxyBeanMethods = false)
class PartnershipOutbox {

	@Bean
	OutboxSource partnershipEventsSource() {
		return new OutboxSource(PartnershipDocument.COLLECTION, Topics.PARTNERSHIP_EVENTS, Sources.PARTNERSHIP_SERVICE);
	}

}
