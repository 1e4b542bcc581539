package org.decoop.events;

/** Who pays for an activity. Amounts are in EUR. */
public enum FundingSource {

	FRENCH_MFA, EU_CALL, LOCAL_BUDGET, OTHER

}
