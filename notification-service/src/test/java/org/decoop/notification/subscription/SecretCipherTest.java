package org.decoop.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.decoop.notification.NotificationProperties;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The webhook-secret key: no public key outside the dev profile, and the service says which variable to set. */
class SecretCipherTest {

    private static final String OWN_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

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

    @Test
    void stopsTheStartBeforeAnythingElseRunsWhenTheKeyIsNotUsable() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("decoop.notification.secret-key", SecretCipher.DEVELOPMENT_KEY);
        assertThatThrownBy(() -> new SecretKeyCheck().postProcessEnvironment(production, null))
                .hasMessageContaining("DECOOP_NOTIFICATION_SECRET_KEY");

        MockEnvironment dev = new MockEnvironment().withProperty("decoop.notification.secret-key", SecretCipher.DEVELOPMENT_KEY);
        dev.setActiveProfiles("dev");
        new SecretKeyCheck().postProcessEnvironment(dev, null);
        new SecretKeyCheck().postProcessEnvironment(new MockEnvironment().withProperty("decoop.notification.secret-key", OWN_KEY), null);
    }

    @Test
    void refusesToStartWithoutAKeyOrWithABadOne() {
        assertThatThrownBy(() -> new SecretCipher(properties(null), new MockEnvironment()))
                .hasMessageContaining("DECOOP_NOTIFICATION_SECRET_KEY").hasMessageContaining("not set");
        assertThatThrownBy(() -> new SecretCipher(properties("not base64!"), new MockEnvironment()))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> new SecretCipher(properties(Base64.getEncoder().encodeToString(new byte[16])), new MockEnvironment()))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void takesTheDevelopmentKeyInTheDevProfileAndAnOwnKeyAnywhere() {
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        SecretCipher development = new SecretCipher(properties(SecretCipher.DEVELOPMENT_KEY), dev);
        SecretCipher own = new SecretCipher(properties(OWN_KEY), new MockEnvironment());

        WebhookSecret secret = WebhookSecret.generate();
        assertThat(own.decrypt(own.encrypt(secret))).isEqualTo(secret);
        assertThat(development.decrypt(development.encrypt(secret))).isEqualTo(secret);
    }

    private static NotificationProperties properties(String key) {
        return new NotificationProperties(key, List.of(Duration.ofSeconds(5)), Duration.ofSeconds(10), Duration.ofMillis(500),
                Duration.ofSeconds(60), 4, false, "decoop <n@decoop.local>", 100, 1000, 5, 20, Duration.ofMinutes(30));
    }
}
