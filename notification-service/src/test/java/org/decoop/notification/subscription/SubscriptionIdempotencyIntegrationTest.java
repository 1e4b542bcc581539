package org.decoop.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import java.nio.charset.StandardCharsets;

import org.bson.Document;
import org.bson.types.Binary;
import org.decoop.notification.SharedServiceContext;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.ServiceApi.Answer;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A subscription whose creation is sent again with the same {@code Idempotency-Key} (the
 * client got no answer the first time) is created once, and the repeat gets the first
 * answer.
 */
class SubscriptionIdempotencyIntegrationTest extends SharedServiceContext {

	@Autowired
	MongoTemplate mongo;

	@Test
	void createsASubscriptionOnceWhenItsCreationIsSentAgainWithTheSameIdempotencyKey() {
		ServiceApi owner = ServiceApi.onPort(port).as(TestTokens.shared().user("retrying-" + UUID.randomUUID()));
		ServiceApi retrying = owner.with("Idempotency-Key", "\"" + UUID.randomUUID() + "\"");
		String inbox = """
				{"subscriber": "Nevers", "channel": "INBOX"}""";

		Answer first = retrying.post("/api/subscriptions", inbox);
		Answer again = retrying.post("/api/subscriptions", inbox);

		again.assertRepeats(first);
		assertThat(owner.get("/api/subscriptions").json().at("/page/totalElements").asLong()).isEqualTo(1);
		assertThat(ServiceApi.onPort(port).get("/v3/api-docs").body()).contains("Idempotency-Key");
	}

	@Test
	void keepsAWebhooksFirstAnswerWithItsSecretSealedNotInClear() {
		ServiceApi owner = ServiceApi.onPort(port).as(TestTokens.shared().user("sealing-" + UUID.randomUUID()));
		String key = UUID.randomUUID().toString();
		ServiceApi retrying = owner.with("Idempotency-Key", "\"" + key + "\"");
		// a public address (the shared context refuses private ones); its filter matches
		// nothing, so
		// nothing is ever sent to it
		String webhook = """
				{"subscriber": "Nevers", "channel": "WEBHOOK", "target": "https://93.184.216.34/hook",
				 "filter": {"partnershipId": "%s"}}""".formatted(UUID.randomUUID());

		Answer first = retrying.post("/api/subscriptions", webhook);
		Answer again = retrying.post("/api/subscriptions", webhook);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		String secret = first.json().get("secret").asString();
		assertThat(secret).isNotBlank();
		assertThat(again.json().get("secret").asString()).as("the repeat shows the secret again").isEqualTo(secret);
		Document kept = mongo.findOne(Query.query(Criteria.where("key").is(key)), Document.class, "idempotency_keys");
		assertThat(kept).as("the kept answer").isNotNull();
		byte[] body = kept.get("response", Document.class).get("body", Binary.class).getData();
		assertThat(new String(body, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
	}

}
