package org.decoop.plan.plan.domain;

import org.decoop.events.PlanStatus;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.StateConflict;

/**
 * Only a DRAFT is changed, signed or cancelled: a signed, completed or cancelled plan is
 * frozen.
 */
public class PlanNotDraft extends StateConflict {

	PlanNotDraft(PlanId plan, PlanStatus status, Phrase action) {
		super("status", Phrase.of("plan.plan.not-draft", plan, status, action));
	}

}
