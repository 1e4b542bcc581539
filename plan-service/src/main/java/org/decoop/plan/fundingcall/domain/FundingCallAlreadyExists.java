package org.decoop.plan.fundingcall.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.StateConflict;

/** A call's code names one call only. */
public class FundingCallAlreadyExists extends StateConflict {

	public FundingCallAlreadyExists(String code) {
		super("code", Phrase.of("plan.call.code-taken", code));
	}

}
