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
		return JSON.writeValueAsString(node);
	}

}
