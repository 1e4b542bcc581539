package org.decoop.notification.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {

	@Test
	void signsAsTheStandardWebhooksReferenceDoes() {
		// The test vector of the Standard Webhooks reference libraries.
		WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

		assertThat(secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void generatesDistinctSecretsOfAtLeast24RandomBytes() {
		WebhookSecret one = WebhookSecret.generate();
		WebhookSecret other = WebhookSecret.generate();

		assertThat(one.value()).startsWith("whsec_").isNotEqualTo(other.value());
		assertThat(Base64.getDecoder().decode(one.value().substring(6))).hasSizeGreaterThanOrEqualTo(24);
		assertThat(one.toString()).doesNotContain(one.value().substring(6));
	}

}
