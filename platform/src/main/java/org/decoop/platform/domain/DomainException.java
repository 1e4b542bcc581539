package org.decoop.platform.domain;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A rule of the domain refused a command. Plain Java, so that domains throw it without
 * any framework; the few kinds below say what went wrong in the domain's terms, and only
 * the web layer turns them into HTTP answers. {@code field} names the offending input,
 * when there is one. A {@link Phrase} lets the web layer say it in the reader's language;
 * without one, the English message is all there is.
 */
public abstract sealed class DomainException extends RuntimeException
		permits InvalidValue, UnknownReference, StateConflict, DoesNotExist, StaleVersion, NotAllowed {

	private final @Nullable Field field;

	private final @Nullable Phrase phrase;

	protected DomainException(String message, @Nullable Field field) {
		super(message);
		this.field = field;
		this.phrase = null;
	}

	protected DomainException(Phrase phrase, @Nullable Field field) {
		super(phrase.english());
		this.field = field;
		this.phrase = phrase;
	}

	public @Nullable Field field() {
		return field;
	}

	/** What to say in the reader's language, when the rule says it with a key. */
	public Optional<Phrase> phrase() {
		return Optional.ofNullable(phrase);
	}

}
