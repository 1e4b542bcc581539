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

	public InvalidValue(Field field, Phrase phrase) {
		super(phrase, field);
	}

	public InvalidValue(String field, Phrase phrase) {
		this(Field.named(field), phrase);
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
		Field within = field().map(own -> own.within(outer)).orElse(outer);
		return phrase().map(phrase -> new InvalidValue(within, phrase))
			.orElseGet(() -> new InvalidValue(within, getMessage()));
	}

}
