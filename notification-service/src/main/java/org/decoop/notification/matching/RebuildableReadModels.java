package org.decoop.notification.matching;

import org.decoop.events.Topics;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.plan.PlanEvent;
import org.decoop.platform.readmodel.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models matching uses may be rebuilt from their topics ({@code POST
 * /api/ops/read-models/{partnership_views|plan_views}/rebuild}): each record decoded as
 * the live consumer decodes it ({@link EventConsumers}), written by the same versioned
 * apply. Only the read model is written: a replayed event notifies nobody.
 */
@Configuration(proxyBeanMethods = false)
class RebuildableReadModels {

	@Bean
	RebuildableReadModel partnershipViewsRebuild() {
		return new RebuildableReadModel(PartnershipReadModel.COLLECTION, Topics.PARTNERSHIP_EVENTS,
				(incoming, into) -> incoming.as(PartnershipEvent.class)
					.ifPresent(event -> PartnershipReadModel.apply(event, into)));
	}

	@Bean
	RebuildableReadModel planViewsRebuild() {
		return new RebuildableReadModel(PlanReadModel.COLLECTION, Topics.PLAN_EVENTS,
				(incoming, into) -> incoming.as(PlanEvent.class).ifPresent(event -> PlanReadModel.apply(event, into)));
	}

}
