package org.decoop.plan.partnershipview;

import org.decoop.events.Topics;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.platform.readmodel.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partnership read model may be rebuilt from {@code partnership-events}
 * ({@code POST /api/ops/read-models/partnership_views/rebuild}): each record decoded as
 * the live consumer decodes it ({@link PartnershipEventsConsumer}), written by the same
 * versioned apply.
 */
@Configuration(proxyBeanMethods = false)
class PartnershipViewRebuild {

	@Bean
	RebuildableReadModel partnershipViewsRebuild() {
		return new RebuildableReadModel(PartnershipReadModel.COLLECTION, Topics.PARTNERSHIP_EVENTS,
				(incoming, into) -> incoming.as(PartnershipEvent.class)
					.ifPresent(event -> PartnershipReadModel.apply(event, into)));
	}

}
