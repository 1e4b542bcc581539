package org.decoop.platform.errors;

/** The client's {@code If-Match} names a version that is no longer current (412). */
public class PreconditionFailedException extends DecoopException {

    public PreconditionFailedException(String message) {
        super(message, null);
    }
}
