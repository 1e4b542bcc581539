package org.decoop.events;

/**
 * Lifecycle of a partner search: OPEN until closed by its author or past its
 * {@code openUntil}.
 */
public enum PartnerSearchStatus {

	OPEN, CLOSED

}
