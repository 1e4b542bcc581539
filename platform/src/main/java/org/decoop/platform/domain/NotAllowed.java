package org.decoop.platform.domain;

/**
 * The caller is known but may not do this: it does not act for the party or partner the
 * command concerns.
 */
public non-sealed class NotAllowed extends DomainException {

	public NotAllowed(String message) {
		super(message);
	}

	public NotAllowed(Phrase phrase) {
		super(phrase);
	}

	/**
	 * Refused because of what {@code field} names (a partnership the plan may not name,
	 * say).
	 */
	public NotAllowed(String message, Field field) {
		super(message, field);
	}

	public NotAllowed(Phrase phrase, Field field) {
		super(phrase, field);
	}

}
