package org.decoop.platform.errors;

/** A request field breaks a rule of the domain (400), e.g. the same partner twice. */
public class InvalidInputException extends DecoopException {

    public InvalidInputException(String field, String message) {
        super(message, field);
    }
}
