package org.decoop.platform.errors;

/**
 * Base of the errors a domain or application layer raises for a client's mistake. Plain Java,
 * so domains can throw them without framework imports; the problem-details advice maps each
 * to its HTTP status. {@code field} names the offending request field, when there is one.
 */
public abstract class DecoopException extends RuntimeException {

    private final String field;

    protected DecoopException(String message, String field) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
