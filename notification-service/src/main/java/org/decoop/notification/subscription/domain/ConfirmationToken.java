package org.decoop.notification.subscription.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.decoop.platform.domain.Sha256;

/**
 * The secret of a confirmation link: 256 random bits, URL-safe base64. Only its SHA-256
 * hash is stored ({@link #hash}); the token itself exists in the e-mail and in memory
 * while it is sent.
 */
public record ConfirmationToken(String value) {

	private static final int BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	public static ConfirmationToken generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return new ConfirmationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	public String hash() {
		return hashOf(value);
	}

	/**
	 * Whether {@code presented} is the token whose hash is {@code storedHash}, compared
	 * in constant time.
	 */
	public static boolean matches(String presented, String storedHash) {
		if (presented == null || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(hashOf(presented).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hashOf(String token) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(Sha256.of(token.getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public String toString() {
		return "ConfirmationToken[…]";
	}
}
