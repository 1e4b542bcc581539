package org.decoop.platform.domain;

/** The aggregate's current state forbids the command: a transition from the wrong status, a second signature. */
public non-sealed class StateConflict extends DomainException {

    public StateConflict(String message, Field field) {
        super(message, field);
    }

    public StateConflict(String message, String field) {
        this(message, field == null ? null : Field.named(field));
    }
}
