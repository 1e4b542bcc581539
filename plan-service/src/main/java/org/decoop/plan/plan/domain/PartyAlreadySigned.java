package org.decoop.plan.plan.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.StateConflict;

/** A party signs a plan once. */
public class PartyAlreadySigned extends StateConflict {

	PartyAlreadySigned(String party, PlanId plan) {
		super("party", Phrase.of("plan.party.signed", party, plan));
	}

}
