package org.decoop.platform.web;

/** A bound that protects the service was reached, e.g. open streams (answered 429 with Retry-After). */
public class LimitReached extends RuntimeException {

    public LimitReached(String message) {
        super(message);
    }
}
