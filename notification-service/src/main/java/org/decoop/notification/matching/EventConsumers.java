package org.decoop.notification.matching;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.decoop.events.DecoopEvent;
import org.decoop.events.partnership.PartnerSearchEvent;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.plan.FundingCallEvent;
import org.decoop.events.plan.PlanEvent;
import org.decoop.platform.deadletter.DeadLetterSource;
import org.decoop.platform.messaging.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Spring Cloud Stream bindings {@code partnershipEvents-in-0} and
 * {@code planEvents-in-0} (group {@code notification-service}). Unknown event types are
 * skipped; unreadable records are retried, then parked on the binding's dead-letter
 * topic.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

	/**
	 * What partnershipEvents parks, for operators to list and replay
	 * (/api/ops/dead-letters).
	 */
	@Bean
	DeadLetterSource partnershipEventsDeadLetters(
			@Qualifier("partnershipEvents") Consumer<Message<byte[]>> partnershipEvents) {
		return new DeadLetterSource("partnership-events.notification-service.dlq", partnershipEvents);
	}

	/**
	 * What planEvents parks, for operators to list and replay (/api/ops/dead-letters).
	 */
	@Bean
	DeadLetterSource planEventsDeadLetters(@Qualifier("planEvents") Consumer<Message<byte[]>> planEvents) {
		return new DeadLetterSource("plan-events.notification-service.dlq", planEvents);
	}

	private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

	@Bean
	Consumer<Message<byte[]>> partnershipEvents(NotificationIntake intake) {
		return message -> take(message, PartnershipEvent.class, intake::accept, PartnerSearchEvent.class,
				intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> planEvents(NotificationIntake intake) {
		return message -> take(message, PlanEvent.class, intake::accept, FundingCallEvent.class, intake::accept);
	}

	/**
	 * A topic carries the events of two aggregates: each family goes to its own intake.
	 */
	private static <A extends DecoopEvent, B extends DecoopEvent> void take(Message<byte[]> message, Class<A> family,
			BiConsumer<IncomingEvent, A> intake, Class<B> otherFamily, BiConsumer<IncomingEvent, B> otherIntake) {
		IncomingEvent incoming = IncomingEvent.of(message);
		incoming.as(family)
			.ifPresentOrElse(event -> intake.accept(incoming, event), () -> incoming.as(otherFamily)
				.ifPresentOrElse(event -> otherIntake.accept(incoming, event),
						() -> log.debug("Skipping event {} of unknown type {}", incoming.id(), incoming.type())));
	}

}
