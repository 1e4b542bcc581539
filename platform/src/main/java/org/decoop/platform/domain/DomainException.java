package org.decoop.platform.domain;

/**
 * A rule of the domain refused a command. Plain Java, so that domains throw it without
 * any framework; the few kinds below say what went wrong in the domain's terms, and only
 * the web layer turns them into HTTP answers. {@code field} names the offending input,
 * when there is one.
 */
public abstract sealed class DomainException extends RuntimeException
		permits InvalidValue, UnknownReference, StateConflict, DoesNotExist, StaleVersion, NotAllowed {

	private final Field field;

	protected DomainException(String message, Field field) {
		super(message);
		this.field = field;
	}

	public Field field() {
		return field;
	}

}
