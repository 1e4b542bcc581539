package org.decoop.platform.errors;

/** A well-formed request refers to something that cannot be used, e.g. an unknown local-authority id (422). */
public class UnprocessableException extends DecoopException {

    public UnprocessableException(String field, String message) {
        super(message, field);
    }
}
