package org.decoop.plan.plan.domain;

import org.decoop.events.PlanStatus;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.StateConflict;

/** Activities are completed only once their plan is signed and until it is completed. */
public class PlanNotSigned extends StateConflict {

	PlanNotSigned(PlanId plan, PlanStatus status) {
		super("status", Phrase.of("plan.plan.not-signed", plan, status));
	}

}
