package org.decoop.plan.plan.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.UnknownReference;

/** Someone tried to sign a plan for a party the plan does not have. */
public class PartyUnknown extends UnknownReference {

	PartyUnknown(String party, PlanId plan) {
		super(Field.named("party"), Phrase.of("plan.party.unknown", party, plan));
	}

}
