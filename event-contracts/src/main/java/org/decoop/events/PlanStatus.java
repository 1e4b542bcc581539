package org.decoop.events;

/**
 * Lifecycle of an action plan: DRAFT, then SIGNED by every party, then COMPLETED; or
 * CANCELLED while DRAFT.
 */
public enum PlanStatus {

	DRAFT, SIGNED, COMPLETED, CANCELLED

}
