package org.decoop.partnership.partnership.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.StateConflict;

/**
 * The partnership's status does not allow the transition asked for (e.g. reactivating an
 * ACTIVE one).
 */
public class TransitionNotAllowed extends StateConflict {

	TransitionNotAllowed(Phrase phrase) {
		super("status", phrase);
	}

}
