package org.decoop.events;

/** Kafka topic names of the published language. Records are keyed by the aggregate id. */
public final class Topics {

	public static final String PARTNERSHIP_EVENTS = "partnership-events";

	public static final String PLAN_EVENTS = "plan-events";

	public static final String NOTIFICATION_EVENTS = "notification-events";

	private Topics() {
	}

}
