package org.decoop.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.decoop.notification.SharedServiceContext;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.ServiceApi.Answer;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A subscription whose creation is sent again with the same {@code Idempotency-Key} (the
 * client got no answer the first time) is created once, and the repeat gets the first
 * answer.
 */
class SubscriptionIdempotencyIntegrationTest extends SharedServiceContext {

	@Test
	void createsASubscriptionOnceWhenItsCreationIsSentAgainWithTheSameIdempotencyKey() {
		ServiceApi owner = ServiceApi.onPort(port).as(TestTokens.shared().user("retrying-" + UUID.randomUUID()));
		ServiceApi retrying = owner.with("Idempotency-Key", "\"" + UUID.randomUUID() + "\"");
		String inbox = """
				{"subscriber": "Nevers", "channel": "INBOX"}""";

		Answer first = retrying.post("/api/subscriptions", inbox);
		Answer again = retrying.post("/api/subscriptions", inbox);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(owner.get("/api/subscriptions").json().at("/page/totalElements").asLong()).isEqualTo(1);
		assertThat(ServiceApi.onPort(port).get("/v3/api-docs").body()).contains("Idempotency-Key");
	}

}
