package org.decoop.notification.digest.domain;

/**
 * Where the digest of one subscription for one period stands. SENDING: claimed by one instance
 * until its lease ends. Then SENT; EMPTY when the period had no notification (nothing is sent);
 * RETRYING after a failed attempt, until its next attempt is due; FAILED when the retries are spent.
 * SENT, EMPTY and FAILED are final.
 */
public enum DigestStatus {
    SENDING, SENT, EMPTY, RETRYING, FAILED;

    public boolean isFinal() {
        return this == SENT || this == EMPTY || this == FAILED;
    }
}
