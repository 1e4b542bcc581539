package org.decoop.platform.domain;

/**
 * A well-formed command names something that cannot be used: an unknown partner, party or
 * partnership.
 */
public non-sealed class UnknownReference extends DomainException {

	public UnknownReference(Field field, String message) {
		super(message, field);
	}

	public UnknownReference(Field field, Phrase phrase) {
		super(phrase, field);
	}

}
