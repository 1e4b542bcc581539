package org.decoop.plan;

import org.decoop.events.Topics;
import org.decoop.platform.testing.EmbeddedInfrastructure;

/**
 * Runs plan-service on embedded Kafka and the in-process MongoDB wire server, for a
 * developer at a keyboard (see {@link EmbeddedInfrastructure#runService} and the README
 * for the command line).
 */
public class PlanServiceTestApplication {

	public static void main(String[] args) {
		EmbeddedInfrastructure.runService(PlanServiceApplication.class, "plans", Topics.PLAN_EVENTS, args);
	}

}
