package org.decoop.notification.digest.domain;

/**
 * Where the digest of one subscription for one period stands. SENDING: claimed by one
 * instance until its lease ends. Then SENT; EMPTY when the period had no notification
 * (nothing is sent); RETRYING after a failed attempt, until its next attempt is due;
 * FAILED when the retries are spent; CANCELLED when its subscription was deleted (or
 * disabled) before it could go. SENT, EMPTY, FAILED and CANCELLED are final.
 */
public enum DigestStatus {

	SENDING, SENT, EMPTY, RETRYING, FAILED, CANCELLED;

	public boolean isFinal() {
		return this == SENT || this == EMPTY || this == FAILED || this == CANCELLED;
	}

}
