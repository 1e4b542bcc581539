package org.decoop.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.notification.ConfirmationMails;
import org.decoop.notification.SharedServiceContext;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * E-mail goes only to an address whose reader confirmed it: an EMAIL subscription starts
 * PENDING_CONFIRMATION with one confirmation e-mail (a single-use link, 48 h), at most 3
 * such e-mails per address per day, and notification e-mails to one address are held to a
 * rate (4 per hour in this context), the excess deferred, never dropped.
 */
class EmailConfirmationIntegrationTest extends SharedServiceContext {

	@Autowired
	MongoTemplate mongo;

	private ServiceApi api;

	private ServiceApi anonymous;

	private final String partnershipId = UUID.randomUUID().toString();

	private final String address = "coordinator-" + UUID.randomUUID() + "@skgo.example";

	@BeforeEach
	void connect() {
		anonymous = ServiceApi.onPort(port);
		api = anonymous.as(TestTokens.shared().user("confirming-" + UUID.randomUUID(), "SKGO"));
	}

	@Test
	void anEmailSubscriptionReceivesNothingUntilTheReaderOfTheMailboxConfirmsItAndTheLinkWorksOnce() throws Exception {
		JsonNode email = subscribe(address);
		String id = email.get("id").asString();
		assertThat(email.get("status").asString()).isEqualTo("PENDING_CONFIRMATION");
		String control = api
			.post("/api/subscriptions",
					"{\"channel\": \"INBOX\", \"filter\": {\"partnershipId\": \"%s\"}}".formatted(partnershipId))
			.id();
		String link = ConfirmationMails.awaitLink(smtp, address, 1);
		assertThat(link).startsWith("/api/subscriptions/" + id + "/confirmation?token=");

		events.publish(established());
		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(control).size() == 1);
		assertThat(inbox(id)).as("nothing for an unconfirmed address").isEmpty();
		assertThat(api.get("/api/subscriptions/" + id + "/deliveries").json().get("content")).isEmpty();

		ServiceApi.Answer page = anonymous.raw("GET", link, null, null);
		assertThat(page.statusCode()).as("opening the link, without a bearer token").isEqualTo(200);
		assertThat(page.body()).contains("<form method=\"post\"");
		assertThat(status(id)).as("opening it changes nothing (mail scanners open links)")
			.isEqualTo("PENDING_CONFIRMATION");
		assertThat(
				anonymous.raw("POST", link.replaceAll("token=.*", "token=" + "A".repeat(43)), null, null).statusCode())
			.as("a guessed token")
			.isEqualTo(404);
		assertThat(anonymous.raw("POST", "/api/subscriptions/" + id + "/confirmation", null, null).statusCode())
			.as("no token")
			.isEqualTo(400);

		ServiceApi.Answer confirmed = anonymous.raw("POST", link, null, null);
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(status(id)).isEqualTo("ACTIVE");

		ServiceApi.Answer again = anonymous.raw("POST", link, null, null);
		assertThat(again.statusCode()).as("a link works once").isEqualTo(410);
		assertThat(again.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(again.json().get("type").asString()).isEqualTo("https://decoop.org/problems/confirmation-used");

		events.publish(new PartnershipWentDormant(partnershipId, 1, PartnershipStatus.DORMANT, partners(),
				Set.of(Theme.CULTURE), "No joint project since 2012", LocalDate.of(2012, 5, 10), Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> notificationMailsTo(address).size() == 1);
		assertThat(notificationMailsTo(address).get(0).getSubject()).contains("Partnership dormant");
		assertThat(ConfirmationMails.links(smtp, address)).as("one confirmation e-mail").hasSize(1);
	}

	@Test
	void aLinkExpiresAfter48HoursAndTheOwnerCanHaveANewOneSentThatReplacesIt() {
		String id = subscribe(address).get("id").asString();
		String first = ConfirmationMails.awaitLink(smtp, address, 1);
		awaitSent(id);

		clock.setTo(clock.instant().plus(Duration.ofHours(48)).plusSeconds(1));
		ServiceApi.Answer expired = anonymous.raw("POST", first, null, null);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.json().get("type").asString()).isEqualTo("https://decoop.org/problems/confirmation-expired");
		assertThat(status(id)).isEqualTo("PENDING_CONFIRMATION");

		ServiceApi someoneElse = anonymous.as(TestTokens.shared().user("someone-else", "SKGO"));
		assertThat(someoneElse.post("/api/subscriptions/" + id + "/confirmation/resend").statusCode())
			.as("the owner only")
			.isEqualTo(404);
		assertThat(anonymous.post("/api/subscriptions/" + id + "/confirmation/resend").statusCode()).isEqualTo(401);
		assertThat(api.post("/api/subscriptions/" + id + "/confirmation/resend").statusCode()).isEqualTo(202);
		String second = ConfirmationMails.awaitLink(smtp, address, 2);

		assertThat(second).isNotEqualTo(first);
		assertThat(anonymous.raw("POST", first, null, null).statusCode()).as("replaced by the new link").isEqualTo(404);
		assertThat(anonymous.raw("POST", second, null, null).statusCode()).isEqualTo(200);
		assertThat(api.post("/api/subscriptions/" + id + "/confirmation/resend").statusCode())
			.as("nothing left to confirm")
			.isEqualTo(409);
	}

	@Test
	void anAddressGetsAtMostThreeConfirmationEmailsPerDay() {
		String first = subscribe(address).get("id").asString();
		awaitSent(first);
		assertThat(api.post("/api/subscriptions/" + first + "/confirmation/resend").statusCode()).isEqualTo(202);
		awaitSent(first);
		ServiceApi otherOwner = anonymous.as(TestTokens.shared().user("other-" + UUID.randomUUID(), "SKGO"));
		String second = otherOwner.post("/api/subscriptions", body(address)).id();
		awaitSent(second);

		// raw: the test client's HTTP library would wait out a 429's Retry-After (a day)
		// and ask again
		ServiceApi.Answer fourth = api.raw("POST", "/api/subscriptions/" + first + "/confirmation/resend", null, null);
		assertThat(fourth.statusCode()).isEqualTo(429);
		assertThat(fourth.json().get("type").asString()).isEqualTo("https://decoop.org/problems/limit-reached");
		assertThat(Long.parseLong(fourth.header("Retry-After").orElseThrow())).isBetween(23 * 3600L, 24 * 3600L);
		ServiceApi.Answer newOne = otherOwner.raw("POST", "/api/subscriptions", "application/json",
				body(address.toUpperCase()));
		assertThat(newOne.statusCode()).as("another subscription to the same address, however written").isEqualTo(429);
		assertThat(otherOwner.get("/api/subscriptions").json().get("content").findValuesAsString("id"))
			.containsExactly(second);
		assertThat(ConfirmationMails.links(smtp, address)).hasSize(3);

		clock.setTo(clock.instant().plus(Duration.ofHours(24)).plusSeconds(60));
		assertThat(otherOwner.post("/api/subscriptions/" + second + "/confirmation/resend").statusCode())
			.as("a day later")
			.isEqualTo(202);
		ConfirmationMails.awaitLink(smtp, address, 4);
	}

	@Test
	void notificationEmailsPastTheAddressesHourlyLimitAreDeferredNotDropped() throws Exception {
		String id = subscribe(address).get("id").asString();
		ConfirmationMails.confirm(anonymous, smtp, address);

		events.publish(established());
		for (int version = 1; version <= 4; version++) {
			events.publish(new PartnershipWentDormant(partnershipId, version, PartnershipStatus.DORMANT, partners(),
					Set.of(Theme.CULTURE), "Pause " + version, LocalDate.of(2012, 5, 10), Instant.now()));
		}
		// the fifth is queued PENDING and due now, then the sender defers it: wait for
		// the deferral, not the queueing
		await().atMost(Duration.ofSeconds(30))
			.until(() -> notificationMailsTo(address).size() == 4 && deliveries(id).size() == 5
					&& deliveries(id).stream()
						.filter(delivery -> delivery.get("status").asString().equals("DELIVERED"))
						.count() == 4
					&& deliveries(id).stream()
						.anyMatch(delivery -> delivery.get("status").asString().equals("PENDING")
								&& Instant.parse(delivery.get("nextAttemptAt").asString()).isAfter(clock.instant())));
		JsonNode deferred = deliveries(id).stream()
			.filter(delivery -> delivery.get("status").asString().equals("PENDING"))
			.findFirst()
			.orElseThrow();
		assertThat(deferred.get("attemptCount").asInt()).as("deferred, not attempted").isZero();
		assertThat(Instant.parse(deferred.get("nextAttemptAt").asString()))
			.isBetween(clock.instant().plus(Duration.ofMinutes(55)), clock.instant().plus(Duration.ofHours(1)));
		assertThat(notificationMailsTo(address)).hasSize(4);

		clock.setTo(clock.instant().plus(Duration.ofHours(1)).plusSeconds(60));
		await().atMost(Duration.ofSeconds(30)).until(() -> notificationMailsTo(address).size() == 5);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries(id).stream()
				.allMatch(delivery -> delivery.get("status").asString().equals("DELIVERED")));
	}

	/**
	 * Until its confirmation e-mail is recorded as sent (the mail server has it a moment
	 * before).
	 */
	private void awaitSent(String id) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			SubscriptionDocument stored = mongo.findById(id, SubscriptionDocument.class);
			return stored.confirmation.mailDueAt() == null && stored.confirmation.mailSentAt() != null;
		});
	}

	private JsonNode subscribe(String to) {
		ServiceApi.Answer answer = api.post("/api/subscriptions", body(to));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return answer.json();
	}

	private String body(String to) {
		return "{\"channel\": \"EMAIL\", \"target\": \"%s\", \"filter\": {\"partnershipId\": \"%s\"}}".formatted(to,
				partnershipId);
	}

	private String status(String id) {
		return api.get("/api/subscriptions/" + id).json().get("status").asString();
	}

	private List<JsonNode> inbox(String id) {
		return api.get("/api/subscriptions/" + id + "/notifications").content().toList();
	}

	private List<JsonNode> deliveries(String id) {
		return api.get("/api/subscriptions/" + id + "/deliveries").content().toList();
	}

	private static List<MimeMessage> notificationMailsTo(String to) {
		return ConfirmationMails.notificationMailsTo(smtp, to);
	}

	private PartnershipEstablished established() {
		return new PartnershipEstablished(partnershipId, 0, PartnershipStatus.ACTIVE, partners(), 2005,
				Set.of(Theme.CULTURE), null, Instant.now());
	}

	private static List<PartnershipEvent.Partner> partners() {
		return List.of(new PartnershipEvent.Partner("nevers", "Nevers", "FR"),
				new PartnershipEvent.Partner("sremska-mitrovica", "Sremska Mitrovica", "RS"));
	}

}
