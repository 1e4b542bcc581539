package org.decoop.platform.domain;

/**
 * A value breaks a rule on its own (a blank title, the same partner twice, a year out of
 * range).
 */
public non-sealed class InvalidValue extends DomainException {

	public InvalidValue(Field field, String message) {
		super(message, field);
	}

	public InvalidValue(String field, String message) {
		this(Field.named(field), message);
	}

	/**
	 * The command as a whole breaks the rule, no one field of it (an event it records is
	 * too large).
	 */
	public InvalidValue(String message) {
		super(message);
	}

	/**
	 * The same error for a value nested in {@code outer}, e.g. {@code endsOn} of
	 * {@code activities} #0.
	 */
	public InvalidValue within(Field outer) {
		return new InvalidValue(field().map(own -> own.within(outer)).orElse(outer), getMessage());
	}

}
