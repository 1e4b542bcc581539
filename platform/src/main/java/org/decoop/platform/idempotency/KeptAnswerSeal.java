package org.decoop.platform.idempotency;

/**
 * Seals the body of a kept answer before it is stored, for a service whose answers carry
 * a secret shown once (notification-service's webhook secret): the kept copy must be as
 * protected as the secret's own. Without a bean of this type, bodies are kept as written.
 */
public interface KeptAnswerSeal {

	/**
	 * The stored form of {@code body}; {@code boundTo} (the key's scope) must open it.
	 */
	byte[] seal(byte[] body, String boundTo);

	/** The body {@link #seal} stored with the same {@code boundTo}. */
	byte[] open(byte[] sealed, String boundTo);

}
