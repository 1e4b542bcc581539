package org.decoop.partnership;

import org.decoop.events.Topics;
import org.decoop.platform.testing.EmbeddedInfrastructure;

/**
 * Runs partnership-service on embedded Kafka and the in-process MongoDB wire server, for
 * a developer at a keyboard (see {@link EmbeddedInfrastructure#runService} and the README
 * for the command line).
 */
public class PartnershipServiceTestApplication {

	public static void main(String[] args) {
		EmbeddedInfrastructure.runService(PartnershipServiceApplication.class, "partnerships",
				Topics.PARTNERSHIP_EVENTS, args);
	}

}
