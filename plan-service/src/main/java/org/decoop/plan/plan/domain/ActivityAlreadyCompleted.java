package org.decoop.plan.plan.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.StateConflict;

/** An activity is completed once. */
public class ActivityAlreadyCompleted extends StateConflict {

	ActivityAlreadyCompleted(Activity activity) {
		super(Phrase.of("plan.activity.completed", activity.id(), activity.completedOn()));
	}

}
