package org.decoop.platform.errors;

/** A request field breaks a rule of the domain (400), e.g. the same partner twice. */
public class InvalidInputException extends DecoopException {

    public InvalidInputException(String field, String message) {
        super(message, field);
    }

    /** The same error for a field nested in a request, e.g. {@code activities[0]} + {@code endsOn}. */
    public InvalidInputException within(String parent) {
        return new InvalidInputException(field() == null ? parent : parent + "." + field(), getMessage());
    }
}
