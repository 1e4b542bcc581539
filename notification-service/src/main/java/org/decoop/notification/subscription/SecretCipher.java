package org.decoop.notification.subscription;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.decoop.notification.NotificationProperties;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.decoop.platform.idempotency.KeptAnswerSeal;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts webhook secrets at rest with AES-256-GCM under a key from configuration: the
 * database holds only ciphertext, so a dump alone cannot forge webhook signatures, and
 * each ciphertext is bound to its subscription's id. (The JDK's own cipher; Spring
 * Security's {@code Encryptors} would add a dependency for one call.)
 */
@Component
public class SecretCipher implements KeptAnswerSeal {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	/**
	 * Marks a secret bound to its subscription (associated data); those stored before
	 * have none.
	 */
	private static final String BOUND = "v2:";

	/**
	 * The public development key: the only one the dev profile provides, refused anywhere
	 * else.
	 */
	static final String DEVELOPMENT_KEY = "ZGVjb29wLWRldmVsb3BtZW50LWtleS1jaGFuZ2UtbWU=";
	static final String DEV_PROFILE = "dev";

	private static final String VARIABLE = "DECOOP_NOTIFICATION_SECRET_KEY (decoop.notification.secret-key)";

	private static final String HOW = "set it to base64 of 32 random bytes (openssl rand -base64 32)";

	private final SecretKeySpec key;

	SecretCipher(NotificationProperties properties, Environment environment) {
		key = new SecretKeySpec(usableKey(properties.secretKey(), environment.matchesProfiles(DEV_PROFILE)), "AES");
	}

	/**
	 * The key's bytes, or why the service must not start: no key, not base64 of 32 bytes,
	 * or the public development key outside the dev profile. Also checked before the
	 * application context starts ({@link SecretKeyCheck}), so an operator reads the
	 * reason first.
	 */
	static byte[] usableKey(@Nullable String configured, boolean devProfile) {
		if (configured == null || configured.isBlank()) {
			throw new IllegalStateException(VARIABLE + " is not set: " + HOW + ", or run with the dev profile");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(configured.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(VARIABLE + " is not base64: " + HOW);
		}
		// The bytes, not the text: base64 spells the same key more than one way (padding,
		// trailing bits).
		if (MessageDigest.isEqual(bytes, Base64.getDecoder().decode(DEVELOPMENT_KEY)) && !devProfile) {
			throw new IllegalStateException(VARIABLE + " is the public development key, which anyone can read in the "
					+ "sources; it is accepted only with the dev profile: " + HOW);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(VARIABLE + " must be base64 of exactly 32 bytes: " + HOW);
		}
		return bytes;
	}

	/**
	 * A kept answer to a command repeated with an {@code Idempotency-Key} (a
	 * subscription's creation shows its webhook secret once): sealed like the secret
	 * itself, bound to its record, so the copy is no easier to read than the original.
	 */
	@Override
	public byte[] seal(byte[] body, String boundTo) {
		try {
			return sealed(body, boundTo.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot seal a kept answer", e);
		}
	}

	@Override
	public byte[] open(byte[] sealed, String boundTo) {
		try {
			return opened(sealed, boundTo.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot open a kept answer (was decoop.notification.secret-key changed?)",
					e);
		}
	}

	/**
	 * The stored form of a subscription's secret: {@code v2:} and base64 of IV and
	 * ciphertext, the subscription id bound as associated data, so that a ciphertext
	 * copied into another subscription's document does not decrypt there.
	 */
	public String encrypt(WebhookSecret secret, SubscriptionId subscription) {
		try {
			return BOUND + Base64.getEncoder()
				.encodeToString(sealed(secret.value().getBytes(StandardCharsets.UTF_8), associatedData(subscription)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot encrypt a webhook secret", e);
		}
	}

	/**
	 * The secret {@link #encrypt} stored for this subscription; one stored before secrets
	 * were bound (no marker, no associated data) is still read, and {@link #isUnbound}
	 * says to write it again.
	 */
	public WebhookSecret decrypt(String stored, SubscriptionId subscription) {
		boolean bound = !isUnbound(stored);
		try {
			byte[] all = Base64.getDecoder().decode(bound ? stored.substring(BOUND.length()) : stored);
			return new WebhookSecret(
					new String(opened(all, bound ? associatedData(subscription) : null), StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException(
					("Cannot decrypt a webhook secret (subscription %s): was decoop.notification.secret-key "
							+ "changed, or was the stored secret copied from another subscription?")
						.formatted(subscription.value()),
					e);
		}
	}

	/** IV, then the AES-GCM ciphertext of {@code plain} with {@code associated} bound. */
	private byte[] sealed(byte[] plain, byte[] associated) throws GeneralSecurityException {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(associated);
		byte[] sealed = cipher.doFinal(plain);
		return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
	}

	/**
	 * What {@link #sealed} sealed; no associated data for secrets stored before binding.
	 */
	private byte[] opened(byte[] all, byte @Nullable [] associated) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
		if (associated != null) {
			cipher.updateAAD(associated);
		}
		return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
	}

	/**
	 * Whether a stored secret predates the binding to its subscription (the marker is not
	 * in base64's alphabet).
	 */
	static boolean isUnbound(String stored) {
		return !stored.startsWith(BOUND);
	}

	private static byte[] associatedData(SubscriptionId subscription) {
		return subscription.value().getBytes(StandardCharsets.UTF_8);
	}

}
