package org.decoop.events;

/** CloudEvents {@code source} attribute of each producing service. */
public final class Sources {

	public static final String PARTNERSHIP_SERVICE = "/partnership-service";

	public static final String PLAN_SERVICE = "/plan-service";

	public static final String NOTIFICATION_SERVICE = "/notification-service";

	private Sources() {
	}

}
