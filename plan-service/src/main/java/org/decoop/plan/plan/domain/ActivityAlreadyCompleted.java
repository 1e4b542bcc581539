package org.decoop.plan.plan.domain;

import org.decoop.platform.domain.StateConflict;

/** An activity is completed once. */
public class ActivityAlreadyCompleted extends StateConflict {

	ActivityAlreadyCompleted(Activity activity) {
		super("Activity %s was already completed on %s".formatted(activity.id(), activity.completedOn()));
	}

}
