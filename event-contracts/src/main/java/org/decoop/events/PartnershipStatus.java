package org.decoop.events;

/** Lifecycle of a partnership: ACTIVE and DORMANT alternate; ENDED is final. */
public enum PartnershipStatus {

	ACTIVE, DORMANT, ENDED

}
