package org.decoop.partnership.partnership;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.decoop.events.plan.ActivityCompleted;
import org.decoop.events.plan.PlanCancelled;
import org.decoop.events.plan.PlanCompleted;
import org.decoop.events.plan.PlanDrafted;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSignatureRecorded;
import org.decoop.events.plan.PlanSigned;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.platform.deadletter.DeadLetterSource;
import org.decoop.platform.messaging.IdempotentConsumer;
import org.decoop.platform.messaging.IncomingEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import java.util.Objects;

/**
 * The choreography's partnership side, from {@code plan-events} (binding
 * {@code planEvents-in-0}, group {@code partnership-service}): a signed plan reactivates
 * the DORMANT partnerships its activities name, and completed activities keep
 * partnerships' last activity date. Each event is applied once (by its id); each
 * partnership change is conditional on the state it read, so a replay after a crash
 * half-way reactivates nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class PlanEventsConsumer {

	static final String CONSUMER = "partnership-service.plan-events";

	@Bean
	Consumer<Message<byte[]>> planEvents(PartnershipService partnerships, IdempotentConsumer once) {
		return message -> {
			IncomingEvent incoming = IncomingEvent.of(message);
			incoming.as(PlanEvent.class)
				.ifPresent(event -> once.applyOnce(CONSUMER, incoming.id(), () -> apply(event, partnerships)));
		};
	}

	/**
	 * What planEvents parks, for operators to list and replay (/api/ops/dead-letters).
	 */
	@Bean
	DeadLetterSource planEventsDeadLetters(@Qualifier("planEvents") Consumer<Message<byte[]>> planEvents) {
		return new DeadLetterSource("plan-events.partnership-service.dlq", planEvents);
	}

	private static void apply(PlanEvent event, PartnershipService partnerships) {
		switch (event) {
			case PlanSigned signed -> {
				LocalDate signedOn = LocalDate.ofInstant(signed.occurredAt(), ZoneOffset.UTC);
				List<String> parties = signed.parties().stream().map(PlanEvent.SignedParty::code).toList();
				// a partnership named by several activities: vouched for if any of them
				// is
				Map<String, Boolean> named = new LinkedHashMap<>();
				signed.activities()
					.forEach(activity -> activity.partnershipIds()
						.forEach(id -> named.merge(id, Boolean.TRUE.equals(activity.vouchedBySteward()),
								Boolean::logicalOr)));
				named.forEach((id, vouched) -> partnerships.planSigned(new PartnershipId(id), signed.planId(),
						signed.title(), signed.year(), signedOn,
						new PartnershipService.PlanParties(signed.planId(), parties, vouched)));
			}
			case ActivityCompleted completed -> {
				PartnershipService.PlanParties plan = new PartnershipService.PlanParties(completed.planId(),
						// events from before parties were carried have none
						Objects.requireNonNullElse(completed.partyCodes(), List.of()),
						Boolean.TRUE.equals(completed.vouchedBySteward()));
				completed.partnershipIds()
					.forEach(
							id -> partnerships.activityCompleted(new PartnershipId(id), completed.completedOn(), plan));
			}
			case PlanDrafted drafted -> {
				/* a draft commits no partnership to anything yet */ }
			case PlanSignatureRecorded signature -> {
				/* only the last signature, PlanSigned, matters */ }
			case PlanCompleted completed -> {
				/* each of its activities was counted when completed */ }
			case PlanCancelled cancelled -> {
				/* only a DRAFT is cancelled: it never counted */ }
		}
	}

}
