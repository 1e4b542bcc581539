package org.decoop.plan.fundingcall.domain;

/**
 * Where a call stands on a given day, derived from its dates (never stored): UPCOMING
 * before {@code opensOn}, OPEN from {@code opensOn} to {@code closesOn} included, CLOSED
 * after.
 */
public enum FundingCallStatus {

	UPCOMING, OPEN, CLOSED

}
