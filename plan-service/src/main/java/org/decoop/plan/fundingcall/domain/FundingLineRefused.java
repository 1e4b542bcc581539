package org.decoop.plan.fundingcall.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.UnknownReference;

/**
 * A funding line names a call that cannot fund it: an unknown call, a call already closed
 * when the plan is drafted or the activity added, another funder, a theme the call does
 * not fund, the call's lines of the activity taking more than its grant or its
 * co-financing share, or a call not open on the day the plan is signed. The message says
 * which rule failed; the field names the line.
 */
public class FundingLineRefused extends UnknownReference {

	public FundingLineRefused(Field line, Phrase phrase) {
		super(line, phrase);
	}

}
