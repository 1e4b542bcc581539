package org.decoop.notification.notification;

import java.nio.charset.StandardCharsets;

import org.decoop.platform.messaging.IncomingEvent;
import org.springframework.messaging.support.MessageBuilder;

/** Events as the consumers receive them, for the tests that record notifications. */
final class IncomingEvents {

	private IncomingEvents() {
	}

	/**
	 * A PartnershipEstablished about partnership {@code p-1}, with CloudEvent id
	 * {@code id}.
	 */
	static IncomingEvent established(String id) {
		return IncomingEvent.of(MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
			.setHeader("ce_id", id)
			.setHeader("ce_type", "org.decoop.PartnershipEstablished")
			.setHeader("ce_source", "/partnership-service")
			.setHeader("ce_subject", "p-1")
			.build());
	}

}
