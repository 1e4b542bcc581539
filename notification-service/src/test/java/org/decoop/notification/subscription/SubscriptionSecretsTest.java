package org.decoop.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.decoop.events.Channel;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Filter;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.env.MockEnvironment;

/**
 * A webhook secret stored before secrets were bound to their subscription is still read,
 * and bound when next written.
 */
class SubscriptionSecretsTest {

	private static final Actor OWNER = new Actor(Actor.Kind.USER, "sub-skgo", "SKGO", Set.of("SKGO"), true);

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private final MongoTemplate mongo = MONGO.freshDatabase();

	private final Subscriptions subscriptions = new Subscriptions(mongo,
			new SecretCipher(SecretCipherTest.properties(SecretCipherTest.OWN_KEY), new MockEnvironment()),
			SecretCipherTest.properties(SecretCipherTest.OWN_KEY));

	@Test
	void anUnboundSecretIsReadAndBoundToItsSubscriptionWhenTheSubscriptionIsNextSaved() {
		Subscription webhook = webhook();
		mongo.insert(SubscriptionDocument.of(webhook, SecretCipherTest.LEGACY_CIPHERTEXT));
		assertThat(subscriptions.secretOf(webhook.id())).contains(SecretCipherTest.LEGACY_SECRET);

		subscriptions.disable(webhook.id(), "the receiver answered 410 Gone");

		String rewritten = mongo.findById(webhook.id().value(), SubscriptionDocument.class).encryptedSecret;
		assertThat(rewritten).isNotEqualTo(SecretCipherTest.LEGACY_CIPHERTEXT);
		assertThat(subscriptions.secretOf(webhook.id())).contains(SecretCipherTest.LEGACY_SECRET);
		Subscription other = webhook();
		mongo.insert(SubscriptionDocument.of(other, rewritten));
		assertThatThrownBy(() -> subscriptions.secretOf(other.id())).as("copied into another subscription")
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aSubscriptionAddedAgainUnderItsIdAnswersTheOneStoredWithItsSecretAndStoresNothing() {
		// its command ran again (the same id from its Idempotency-Key) after its instance
		// died before the answer was kept
		Subscription webhook = webhook();
		WebhookSecret secret = WebhookSecret.generate();
		subscriptions.add(webhook, secret);

		Subscriptions.Stored again = subscriptions.add(
				Subscription.create(webhook.id(), OWNER, "SKGO", Channel.WEBHOOK, "https://hooks.skgo.org/decoop",
						List.of(), Filter.NONE, Digest.NONE, Instant.parse("2026-01-05T10:01:00Z")),
				WebhookSecret.generate());

		assertThat(again.subscription().id()).isEqualTo(webhook.id());
		assertThat(again.subscription().createdAt()).isEqualTo(webhook.createdAt());
		assertThat(again.secret()).as("the secret its first run stored").isEqualTo(secret);
		assertThat(mongo.count(new Query(), SubscriptionDocument.class)).isOne();
	}

	private static Subscription webhook() {
		return Subscription.create(OWNER, "SKGO", Channel.WEBHOOK, "https://hooks.skgo.org/decoop", List.of(),
				Filter.NONE, Instant.parse("2026-01-05T10:00:00Z"));
	}

}
