package org.decoop.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.decoop.notification.NotificationProperties;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The webhook-secret key: no public key outside the dev profile, and the service says
 * which variable to set; a stored secret is bound to its subscription.
 */
class SecretCipherTest {

	static final String OWN_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	/**
	 * {@link #LEGACY_SECRET} as stored before secrets were bound to their subscription
	 * (no associated data), under {@link #OWN_KEY}.
	 */
	static final String LEGACY_CIPHERTEXT = "i4zoaOMsMZ+psNCFNzlxey6F2k8QMzAwVApInRbToQ9DH16E2fSWZHWXDF/YhvFhRxuYGrYiWkUDhj9fg+8kF2Ex/yqevaaptiw=";
	static final WebhookSecret LEGACY_SECRET = new WebhookSecret("whsec_bGVnYWN5LXNlY3JldC1vZi0zMi1ieXRlcy4uLi4=");

	private static final SubscriptionId MINE = new SubscriptionId("subscription-mine");

	private static final SubscriptionId THEIRS = new SubscriptionId("subscription-theirs");

	@Test
	void refusesThePublicDevelopmentKeyOutsideTheDevProfileNamingTheVariable() {
		assertThatThrownBy(() -> new SecretCipher(properties(SecretCipher.DEVELOPMENT_KEY), new MockEnvironment()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("DECOOP_NOTIFICATION_SECRET_KEY")
			.hasMessageContaining("public development key");
		assertThatThrownBy(() -> new SecretCipher(properties(SecretCipher.DEVELOPMENT_KEY),
				new MockEnvironment().withProperty("spring.profiles.active", "prod")))
			.hasMessageContaining("DECOOP_NOTIFICATION_SECRET_KEY");
	}

	/**
	 * Base64 has more than one spelling of the same bytes: the key is compared, not its
	 * text.
	 */
	@Test
	void refusesThePublicDevelopmentKeyHoweverItIsSpelledOutsideTheDevProfile() {
		String unpadded = SecretCipher.DEVELOPMENT_KEY.replace("=", "");
		String otherTrailingBits = SecretCipher.DEVELOPMENT_KEY.replace("bWU=", "bWV=");
		for (String spelling : List.of(unpadded, otherTrailingBits, " " + SecretCipher.DEVELOPMENT_KEY + "\n")) {
			assertThatThrownBy(() -> new SecretCipher(properties(spelling), new MockEnvironment())).as(spelling)
				.hasMessageContaining("public development key");
			assertThatThrownBy(() -> new SecretKeyCheck().postProcessEnvironment(
					new MockEnvironment().withProperty("decoop.notification.secret-key", spelling), null))
				.as(spelling)
				.hasMessageContaining("public development key");
		}
	}

	@Test
	void aSecretMovedToAnotherSubscriptionCannotBeRead() {
		SecretCipher cipher = new SecretCipher(properties(OWN_KEY), new MockEnvironment());
		WebhookSecret secret = WebhookSecret.generate();
		String stored = cipher.encrypt(secret, MINE);

		assertThat(cipher.decrypt(stored, MINE)).isEqualTo(secret);
		assertThatThrownBy(() -> cipher.decrypt(stored, THEIRS)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> cipher.decrypt(stored.substring(stored.indexOf(':') + 1), MINE))
			.as("nor read as an unbound one once its marker is cut off")
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void stillReadsASecretStoredBeforeSecretsWereBound() {
		SecretCipher cipher = new SecretCipher(properties(OWN_KEY), new MockEnvironment());

		assertThat(cipher.decrypt(LEGACY_CIPHERTEXT, MINE)).isEqualTo(LEGACY_SECRET);
		assertThat(SecretCipher.isUnbound(LEGACY_CIPHERTEXT)).isTrue();
		assertThat(SecretCipher.isUnbound(cipher.encrypt(LEGACY_SECRET, MINE))).isFalse();
	}

	@Test
	void stopsTheStartBeforeAnythingElseRunsWhenTheKeyIsNotUsable() {
		MockEnvironment production = new MockEnvironment().withProperty("decoop.notification.secret-key",
				SecretCipher.DEVELOPMENT_KEY);
		assertThatThrownBy(() -> new SecretKeyCheck().postProcessEnvironment(production, null))
			.hasMessageContaining("DECOOP_NOTIFICATION_SECRET_KEY");

		MockEnvironment dev = new MockEnvironment().withProperty("decoop.notification.secret-key",
				SecretCipher.DEVELOPMENT_KEY);
		dev.setActiveProfiles("dev");
		new SecretKeyCheck().postProcessEnvironment(dev, null);
		new SecretKeyCheck().postProcessEnvironment(
				new MockEnvironment().withProperty("decoop.notification.secret-key", OWN_KEY), null);
	}

	@Test
	void refusesToStartWithoutAKeyOrWithABadOne() {
		assertThatThrownBy(() -> new SecretCipher(properties(null), new MockEnvironment()))
			.hasMessageContaining("DECOOP_NOTIFICATION_SECRET_KEY")
			.hasMessageContaining("not set");
		assertThatThrownBy(() -> new SecretCipher(properties("not base64!"), new MockEnvironment()))
			.hasMessageContaining("not base64");
		assertThatThrownBy(() -> new SecretCipher(properties(Base64.getEncoder().encodeToString(new byte[16])),
				new MockEnvironment()))
			.hasMessageContaining("32 bytes");
	}

	@Test
	void takesTheDevelopmentKeyInTheDevProfileAndAnOwnKeyAnywhere() {
		MockEnvironment dev = new MockEnvironment();
		dev.setActiveProfiles("dev");
		SecretCipher development = new SecretCipher(properties(SecretCipher.DEVELOPMENT_KEY), dev);
		SecretCipher own = new SecretCipher(properties(OWN_KEY), new MockEnvironment());

		WebhookSecret secret = WebhookSecret.generate();
		assertThat(own.decrypt(own.encrypt(secret, MINE), MINE)).isEqualTo(secret);
		assertThat(development.decrypt(development.encrypt(secret, MINE), MINE)).isEqualTo(secret);
	}

	static NotificationProperties properties(String key) {
		return new NotificationProperties(key, List.of(Duration.ofSeconds(5)), Duration.ofSeconds(10),
				Duration.ofMillis(500), Duration.ofSeconds(60), 4, false, "decoop <n@decoop.local>", 100, 1000, 5, 20,
				Duration.ofMinutes(30), java.time.ZoneId.of("Europe/Belgrade"));
	}

}
