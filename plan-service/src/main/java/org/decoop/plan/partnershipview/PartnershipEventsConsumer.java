package org.decoop.plan.partnershipview;

import java.util.function.Consumer;

import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.platform.deadletter.DeadLetterSource;
import org.decoop.platform.messaging.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps the partnership read model up to date from {@code partnership-events} (binding
 * {@code partnershipEvents-in-0}, group {@code plan-service}). Unknown event types are
 * skipped; a record that cannot be read is retried, then parked on the dead-letter topic
 * by the binder. Applying by version makes redelivery harmless, so no separate
 * processed-id log is needed.
 */
@Configuration(proxyBeanMethods = false)
class PartnershipEventsConsumer {

	/**
	 * What partnershipEvents parks, for operators to list and replay
	 * (/api/ops/dead-letters).
	 */
	@Bean
	DeadLetterSource partnershipEventsDeadLetters(
			@Qualifier("partnershipEvents") Consumer<Message<byte[]>> partnershipEvents) {
		return new DeadLetterSource("partnership-events.plan-service.dlq", partnershipEvents);
	}

	private static final Logger log = LoggerFactory.getLogger(PartnershipEventsConsumer.class);

	@Bean
	Consumer<Message<byte[]>> partnershipEvents(PartnershipReadModel partnerships) {
		return message -> {
			IncomingEvent incoming = IncomingEvent.of(message);
			incoming.as(PartnershipEvent.class)
				.ifPresentOrElse(partnerships::apply,
						() -> log.debug("Skipping event {} of unknown type {}", incoming.id(), incoming.type()));
		};
	}

}
