package org.decoop.notification;

import org.decoop.events.Topics;
import org.decoop.platform.testing.EmbeddedInfrastructure;

/**
 * Runs notification-service on embedded Kafka and the in-process MongoDB wire server, for
 * a developer at a keyboard (see {@link EmbeddedInfrastructure#runService} and the README
 * for the command line).
 */
public class NotificationServiceTestApplication {

	public static void main(String[] args) {
		EmbeddedInfrastructure.runService(NotificationServiceApplication.class, "notifications",
				Topics.NOTIFICATION_EVENTS, args);
	}

}
