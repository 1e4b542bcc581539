package org.decoop.notification.subscription.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook signing secret and the Standard Webhooks signature: {@code v1,} + base64 of
 * HMAC-SHA256 over {@code id.timestamp.body}, keyed with the base64-decoded bytes after
 * {@code whsec_}.
 */
public record WebhookSecret(String value) {

	public static final String PREFIX = "whsec_";

	private static final int BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	public WebhookSecret {
		if (value == null || !value.startsWith(PREFIX)) {
			throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
		}
	}

	public static WebhookSecret generate() {
		byte[] key = new byte[BYTES];
		RANDOM.nextBytes(key);
		return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
	}

	/** The {@code webhook-signature} header value for one message. */
	public String sign(String messageId, long timestampSeconds, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(value.substring(PREFIX.length())), "HmacSHA256"));
			byte[] signature = mac
				.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	@Override
	public String toString() {
		return PREFIX + "…";
	}
}
