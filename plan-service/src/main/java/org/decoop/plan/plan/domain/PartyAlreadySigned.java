package org.decoop.plan.plan.domain;

import org.decoop.platform.domain.StateConflict;

/** A party signs a plan once. */
public class PartyAlreadySigned extends StateConflict {

	PartyAlreadySigned(String party, PlanId plan) {
		super("party", "%s has already signed plan %s".formatted(party, plan));
	}

}
