package org.decoop.platform.errors;

/** The request body is larger than the service accepts (413). */
public class PayloadTooLargeException extends DecoopException {

    public PayloadTooLargeException(long limit) {
        super("The request body exceeds the limit of %d bytes".formatted(limit), null);
    }
}
