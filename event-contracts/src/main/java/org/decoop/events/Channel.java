package org.decoop.events;

/** How a subscription is delivered. */
public enum Channel {

	WEBHOOK, EMAIL, INBOX

}
