package org.decoop.platform.web;

import java.util.ArrayList;
import java.util.List;

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
     * Whether the client sent an {@code If-Match} that pins versions (anything but absent or {@code *}):
     * then a lost race is 412, not a retry.
     */
    public static boolean pinsVersion(String ifMatch) {
        return ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*");
    }

    /**
     * Throws 412 unless {@code If-Match} is absent, {@code *}, or lists the current version's ETag.
     * If-Match compares strongly (RFC 9110), so a weak tag ({@code W/"3"}) never matches.
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (pinsVersion(ifMatch) && !versions(ifMatch).contains(currentVersion)) {
            throw new PreconditionFailedException(
                    "If-Match %s does not match the current version %s".formatted(ifMatch, of(currentVersion)));
        }
    }

    /** The versions of the strong ETags listed in an If-Match header. */
    private static List<Long> versions(String ifMatch) {
        List<Long> versions = new ArrayList<>();
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.startsWith("W/")) {
                continue;
            }
            if (!trimmed.matches("\"\\d{1,18}\"")) {
                throw new InvalidInputException("If-Match", "If-Match must list ETags returned by this API, e.g. \"3\"");
            }
            versions.add(Long.parseLong(trimmed.substring(1, trimmed.length() - 1)));
        }
        return versions;
    }
}
