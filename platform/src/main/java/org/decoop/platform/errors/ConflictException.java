package org.decoop.platform.errors;

/** The request conflicts with the resource's current state, e.g. a transition not allowed from its status (409). */
public class ConflictException extends DecoopException {

    public ConflictException(String message) {
        super(message, null);
    }

    public ConflictException(String message, String field) {
        super(message, field);
    }
}
