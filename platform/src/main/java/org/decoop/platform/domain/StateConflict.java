package org.decoop.platform.domain;

/**
 * The aggregate's current state forbids the command: a transition from the wrong status,
 * a second signature.
 */
public non-sealed class StateConflict extends DomainException {

	public StateConflict(Field field, String message) {
		super(message, field);
	}

	public StateConflict(String field, String message) {
		this(Field.named(field), message);
	}

	public StateConflict(String message) {
		super(message);
	}

}
