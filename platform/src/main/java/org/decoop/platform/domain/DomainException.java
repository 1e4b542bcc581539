package org.decoop.platform.domain;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A rule of the domain refused a command. Plain Java, so that domains throw it without
 * any framework; the few kinds below say what went wrong in the domain's terms, and only
 * the web layer turns them into HTTP answers. {@code field} names the offending input,
 * when there is one.
 */
public abstract sealed class DomainException extends RuntimeException
		permits InvalidValue, UnknownReference, StateConflict, DoesNotExist, StaleVersion, NotAllowed {

	private final @Nullable Field field;

	/** An error about the command as a whole, no one field of it. */
	protected DomainException(String message) {
		super(message);
		this.field = null;
	}

	protected DomainException(String message, Field field) {
		super(message);
		this.field = Objects.requireNonNull(field, "field");
	}

	/** Never null: every constructor takes the message. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

	public Optional<Field> field() {
		return Optional.ofNullable(field);
	}

}
