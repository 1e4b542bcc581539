package org.decoop.plan.plan;

import org.decoop.events.Sources;
import org.decoop.events.Topics;
import org.decoop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Plan events wait in the plan documents; the platform's relay publishes them. */
@Configuration(proxyBeanMethods = false)
class PlanOutbox {

	@Bean
	OutboxSource planEventsSource() {
		return new OutboxSource(PlanDocument.COLLECTION, Topics.PLAN_EVENTS, Sources.PLAN_SERVICE);
	}

}
