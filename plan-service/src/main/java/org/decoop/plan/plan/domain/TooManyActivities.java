package org.decoop.plan.plan.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.StateConflict;

/** A plan has at most {@link Plan#MAX_ACTIVITIES} activities. */
public class TooManyActivities extends StateConflict {

	TooManyActivities(PlanId plan, int limit) {
		super("activities", Phrase.of("plan.plan.too-many-activities", plan, limit));
	}

}
