package org.decoop.notification.notification;

import org.decoop.platform.messaging.IncomingEvent;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An incoming event as a structured-mode CloudEvent, the body webhooks receive
 * ({@code application/cloudevents+json}).
 */
final class StructuredCloudEvent {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StructuredCloudEvent() {
	}

	static String of(IncomingEvent event) {
		return JSON.writeValueAsString(node(event));
	}

	/**
	 * ... with a {@code summary} extension attribute: what the event means, in the
	 * receiver's language. The data stays as the producer wrote it, language-neutral.
	 */
	static String of(IncomingEvent event, String summary) {
		ObjectNode node = node(event);
		node.put("summary", summary);
		return JSON.writeValueAsString(node);
	}

	private static ObjectNode node(IncomingEvent event) {
		ObjectNode node = JSON.createObjectNode();
		node.put("specversion", "1.0");
		node.put("id", event.id());
		node.put("source", event.source());
		node.put("type", event.type());
		if (event.subject() != null) {
			node.put("subject", event.subject());
		}
		if (event.time() != null) {
			node.put("time", event.time());
		}
		node.put("datacontenttype", "application/json");
		node.set("data", JSON.readTree(event.data()));
		return node;
	}

}
