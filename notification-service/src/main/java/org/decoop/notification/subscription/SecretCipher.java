package org.decoop.notification.subscription;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.decoop.notification.NotificationProperties;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts webhook secrets at rest with AES-256-GCM under a key from configuration: the
 * database holds only ciphertext, so a dump alone cannot forge webhook signatures.
 * (The JDK's own cipher; Spring Security's {@code Encryptors} would add a dependency for one call.)
 */
@Component
public class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The public development key: the only one the dev profile provides, refused anywhere else. */
    static final String DEVELOPMENT_KEY = "ZGVjb29wLWRldmVsb3BtZW50LWtleS1jaGFuZ2UtbWU=";
    static final String DEV_PROFILE = "dev";
    private static final String VARIABLE = "DECOOP_NOTIFICATION_SECRET_KEY (decoop.notification.secret-key)";
    private static final String HOW = "set it to base64 of 32 random bytes (openssl rand -base64 32)";

    private final SecretKeySpec key;

    SecretCipher(NotificationProperties properties, Environment environment) {
        key = new SecretKeySpec(usableKey(properties.secretKey(), environment.matchesProfiles(DEV_PROFILE)), "AES");
    }

    /**
     * The key's bytes, or why the service must not start: no key, not base64 of 32 bytes, or the
     * public development key outside the dev profile. Also checked before the application
     * context starts ({@link SecretKeyCheck}), so an operator reads the reason first.
     */
    static byte[] usableKey(String configured, boolean devProfile) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(VARIABLE + " is not set: " + HOW + ", or run with the dev profile");
        }
        if (configured.strip().equals(DEVELOPMENT_KEY) && !devProfile) {
            throw new IllegalStateException(VARIABLE + " is the public development key, which anyone can read in the "
                    + "sources; it is accepted only with the dev profile: " + HOW);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.strip());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException(VARIABLE + " is not base64: " + HOW);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(VARIABLE + " must be base64 of exactly 32 bytes: " + HOW);
        }
        return bytes;
    }

    public String encrypt(WebhookSecret secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.value().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    public WebhookSecret decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new WebhookSecret(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a webhook secret: was decoop.notification.secret-key changed?", e);
        }
    }
}
