package org.decoop.platform.web;

import java.util.OptionalLong;

import org.decoop.platform.errors.InvalidInputException;
import org.decoop.platform.errors.PreconditionFailedException;

/** The HTTP face of optimistic locking: an aggregate's version as a strong ETag, and If-Match checks. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header asks for; empty when the header is absent or {@code *}.
     * A weak tag ({@code W/"3"}) is read like a strong one.
     */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(tag));
        }
        catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "If-Match must be an ETag returned by this API, e.g. \"3\"");
        }
    }

    /** Throws 412 when the client sent If-Match with another version than the current one. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        OptionalLong expected = expectedVersion(ifMatch);
        if (expected.isPresent() && expected.getAsLong() != currentVersion) {
            throw new PreconditionFailedException(
                    "If-Match %s does not match the current version %s".formatted(ifMatch, of(currentVersion)));
        }
    }
}
