package org.decoop.plan.fundingcall;

import org.decoop.events.Sources;
import org.decoop.events.Topics;
import org.decoop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Funding call events wait in the call documents; the platform's relay publishes them on
 * plan-events, keyed by call id.
 */
@Configuration(proxyBeanMethods = false)
class FundingCallOutbox {

	@Bean
	OutboxSource fundingCallEventsSource() {
		return new OutboxSource(FundingCallDocument.COLLECTION, Topics.PLAN_EVENTS, Sources.PLAN_SERVICE);
	}

}
