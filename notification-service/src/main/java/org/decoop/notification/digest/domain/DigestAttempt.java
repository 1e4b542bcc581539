package org.decoop.notification.digest.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One attempt to hand a digest e-mail to the mail server: when, and what went wrong in
 * words a subscriber can act on (null: it went).
 */
public record DigestAttempt(Instant at, @Nullable String error) {
}
