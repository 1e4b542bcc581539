package org.decoop.plan.plan.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.StateConflict;

/**
 * A signed plan without activities could never be completed, nor cancelled: it cannot be
 * signed.
 */
public class PlanHasNoActivity extends StateConflict {

	PlanHasNoActivity(PlanId plan) {
		super("activities", Phrase.of("plan.plan.no-activity", plan));
	}

}
