package org.decoop.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.notification.ConfirmationMails;
import org.decoop.notification.NotificationProperties;
import org.decoop.notification.SharedServiceContext;
import org.decoop.notification.digest.domain.DigestAttempt;
import org.decoop.notification.digest.domain.DigestDispatch;
import org.decoop.notification.digest.domain.DigestPeriod;
import org.decoop.notification.digest.domain.DigestStatus;
import org.decoop.notification.email.MailWriter;
import org.decoop.notification.notification.Notification;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.platform.i18n.LocalizedFormats;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * Digest e-mails as a subscriber meets them: events in from the topic, the inbox filled
 * at once, one e-mail per period to a real SMTP server (GreenMail) when the service's
 * clock reaches the send time (08:00 Europe/Belgrade), never a second one from a second
 * pass or a second instance.
 */
class DigestIntegrationTest extends SharedServiceContext {

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	@Autowired
	DigestJob job;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	Notifications notifications;

	@Autowired
	DigestDispatches dispatches;

	@Autowired
	DigestMailer mailer;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	DigestProperties properties;

	@Autowired
	NotificationProperties notificationProperties;

	@Autowired
	MessageSource messages;

	@Autowired
	Summaries summaries;

	private ServiceApi api;

	private final String partnershipId = UUID.randomUUID().toString();

	@BeforeEach
	void connect() {
		api = ServiceApi.onPort(port).as(TestTokens.shared().user("digest-" + UUID.randomUUID(), "SKGO"));
	}

	@Test
	void sendsADailyDigestOnceAtTheSendTimeGroupedByTypeWhileAPerEventSubscriptionGetsEachEvent() throws Exception {
		// the day before clocks go forward in Belgrade: that period lasts 23 hours
		clock.setTo(belgrade(2027, 3, 27, 10, 0));
		String digestTo = "daily-" + UUID.randomUUID() + "@skgo.example";
		String eachTo = "each-" + UUID.randomUUID() + "@skgo.example";
		JsonNode daily = subscribe(digestTo, "DAILY");
		assertThat(daily.get("digest").asString()).isEqualTo("DAILY");
		String dailyId = daily.get("id").asString();
		assertThat(subscribe(eachTo, null).get("digest").asString()).isEqualTo("NONE");

		events.publish(new PartnershipEstablished(partnershipId, 0, PartnershipStatus.ACTIVE, partners(), 2005,
				Set.of(Theme.CULTURE), null, Instant.now()));
		events.publish(new PartnershipWentDormant(partnershipId, 1, PartnershipStatus.DORMANT, partners(),
				Set.of(Theme.CULTURE), "No <b>joint</b> project & no budget", LocalDate.of(2012, 5, 10),
				Instant.now()));
		events.publish(new PartnershipReactivated(partnershipId, 2, PartnershipStatus.ACTIVE, partners(),
				Set.of(Theme.YOUTH), "Action plan 2027 signed", "plan-2027", Instant.now()));

		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(dailyId).size() == 3);
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(eachTo).size() == 3);
		assertThat(api.get("/api/subscriptions/" + dailyId + "/deliveries").json().get("content"))
			.as("no e-mail per event for a digest subscription")
			.isEmpty();
		assertThat(api
			.post("/api/subscriptions/" + dailyId + "/deliveries/" + inbox(dailyId).get(0).get("id").asString()
					+ "/retry")
			.statusCode()).as("nor can one be forced: an inbox entry is no delivery").isEqualTo(404);

		clock.setTo(belgrade(2027, 3, 28, 7, 59));
		job.runOnce();
		assertThat(mailsTo(digestTo)).as("before the send time").isEmpty();

		clock.setTo(belgrade(2027, 3, 28, 8, 1));
		assertThat(job.runOnce()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(digestTo).size() == 1);

		assertThat(job.runOnce()).as("a second pass").isZero();
		assertThat(secondInstance(mailer).runOnce()).as("a second instance").isZero();
		assertThat(mailsTo(digestTo)).hasSize(1);

		MimeMessage digest = mailsTo(digestTo).get(0);
		assertThat(digest.getSubject()).isEqualTo("[decoop] Your daily digest: 3 notifications");
		assertThat(digest.getContentType()).startsWith("multipart/");
		Part alternative = partOfType(digest, "multipart/alternative");
		String text = (String) partOfType(alternative, "text/plain").getContent();
		String html = (String) partOfType(alternative, "text/html").getContent();
		LocalizedFormats formats = new LocalizedFormats();
		assertThat(text)
			.contains("3 notifications from %s – %s (Europe/Belgrade)".formatted(
					formats.dateTime(belgrade(2027, 3, 27, 8, 0), BELGRADE, Locale.ENGLISH),
					formats.dateTime(belgrade(2027, 3, 28, 8, 0), BELGRADE, Locale.ENGLISH)))
			.as("grouped under the event types' names, in alphabetical order")
			.containsSubsequence("Partnership active again (1)", "an action plan naming it was signed (plan-2027)",
					"Partnership dormant (1)", "No <b>joint</b> project & no budget", "Partnership established (1)",
					"was established")
			.contains(dailyId);
		assertThat(html).contains("<h2>Partnership dormant (1)</h2>")
			.contains("No &lt;b&gt;joint&lt;/b&gt; project &amp; no budget")
			.doesNotContain("<b>joint");

		JsonNode log = api.get("/api/subscriptions/" + dailyId + "/digests").json().get("content");
		assertThat(log).singleElement().satisfies(entry -> {
			assertThat(entry.get("status").asString()).isEqualTo("SENT");
			assertThat(entry.get("notificationCount").asInt()).isEqualTo(3);
			assertThat(Instant.parse(entry.get("periodStart").asString())).isEqualTo(belgrade(2027, 3, 27, 8, 0));
			assertThat(Instant.parse(entry.get("periodEnd").asString())).isEqualTo(belgrade(2027, 3, 28, 8, 0));
		});

		clock.setTo(belgrade(2027, 3, 29, 8, 1));
		assertThat(job.runOnce()).as("an empty period").isZero();
		assertThat(mailsTo(digestTo)).hasSize(1);
		assertThat(api.get("/api/subscriptions/" + dailyId + "/digests").json().get("content")).hasSize(1);
		assertThat(inbox(dailyId)).as("the inbox keeps them all").hasSize(3);
		assertThat(mailsTo(eachTo)).as("no digest for a per-event subscription").hasSize(3);
	}

	@Test
	void sendsAWeeklyDigestOncePerWeekOnItsDay() throws Exception {
		String to = "weekly-" + UUID.randomUUID() + "@skgo.example";
		String id = subscribedWithNotifications(to, "WEEKLY", belgrade(2027, 3, 31, 10, 0), 2); // a
																								// Wednesday

		clock.setTo(belgrade(2027, 4, 1, 8, 1)); // Thursday: no weekly digest
		job.runOnce();
		assertThat(mailsTo(to)).isEmpty();

		clock.setTo(belgrade(2027, 4, 5, 8, 1)); // Monday
		job.runOnce();
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(to).size() == 1);
		assertThat(mailsTo(to).get(0).getSubject()).isEqualTo("[decoop] Your weekly digest: 2 notifications");
		job.runOnce();
		secondInstance(mailer).runOnce();

		clock.setTo(belgrade(2027, 4, 6, 8, 1));
		job.runOnce();
		clock.setTo(belgrade(2027, 4, 12, 8, 1)); // the next Monday: an empty week
		job.runOnce();
		assertThat(mailsTo(to)).as("once for the week").hasSize(1);
	}

	@Test
	void retriesAFailedDigestLaterAndShowsTheFailureToItsOwner() throws Exception {
		String to = "retried-" + UUID.randomUUID() + "@skgo.example";
		String id = dailyWithOneNotification(to, belgrade(2027, 4, 20, 10, 0));

		clock.setTo(belgrade(2027, 4, 21, 8, 1));
		assertThat(secondInstance(unreachableMailer()).runOnce()).isZero();

		JsonNode failed = api.get("/api/subscriptions/" + id + "/digests").json().get("content").get(0);
		assertThat(failed.get("status").asString()).isEqualTo("RETRYING");
		assertThat(failed.get("attempts").get(0).get("error").asString()).isEqualTo("mail server unreachable");
		Instant retryAt = Instant.parse(failed.get("nextAttemptAt").asString());

		clock.setTo(Instant.parse(failed.get("attempts").get(0).get("at").asString()));
		assertThat(job.runOnce()).as("not before its retry is due").isZero();
		clock.setTo(retryAt.plusSeconds(1));
		assertThat(job.runOnce()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(to).size() == 1);
		JsonNode sent = api.get("/api/subscriptions/" + id + "/digests").json().get("content").get(0);
		assertThat(sent.get("status").asString()).isEqualTo("SENT");
		assertThat(sent.get("attemptCount").asInt()).isEqualTo(2);
	}

	@Test
	void sendsTheDigestOfAPeriodWhoseSendTimePassedWhileNoInstanceRan() throws Exception {
		String to = "outage-" + UUID.randomUUID() + "@skgo.example";
		String id = subscribedWithNotifications(to, "DAILY", belgrade(2027, 5, 3, 10, 0), 2);

		// no pass at all on 4 May: the next one runs after the send time of 5 May
		clock.setTo(belgrade(2027, 5, 5, 8, 1));
		assertThat(job.runOnce()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(to).size() == 1);
		assertThat(mailsTo(to).get(0).getSubject()).isEqualTo("[decoop] Your daily digest: 2 notifications");
		assertThat(api.get("/api/subscriptions/" + id + "/digests").json().get("content")).singleElement()
			.satisfies(entry -> {
				assertThat(entry.get("status").asString()).isEqualTo("SENT");
				assertThat(Instant.parse(entry.get("periodStart").asString())).isEqualTo(belgrade(2027, 5, 3, 8, 0));
			});
		assertThat(dispatches.find(id, belgrade(2027, 5, 4, 8, 0))).as("the period after it, empty")
			.hasValueSatisfying(dispatch -> assertThat(dispatch.status()).isEqualTo(DigestStatus.EMPTY));
		assertThat(job.runOnce()).as("a second pass").isZero();
		assertThat(secondInstance(mailer).runOnce()).as("a second instance").isZero();
		assertThat(mailsTo(to)).hasSize(1);
	}

	@Test
	void aPeriodOlderThanTheCatchUpIsNotSentAfterALongOutage() throws Exception {
		assertThat(properties.dailyCatchUp()).isEqualTo(7);
		String to = "long-outage-" + UUID.randomUUID() + "@skgo.example";
		String id = dailyWithOneNotification(to, belgrade(2027, 5, 10, 10, 0));

		// 8 send times later: the period of 10 May is the 8th latest, one more than the
		// catch-up
		clock.setTo(belgrade(2027, 5, 18, 8, 1));
		job.runOnce();
		assertThat(mailsTo(to)).isEmpty();
		assertThat(dispatches.find(id, belgrade(2027, 5, 10, 8, 0))).isEmpty();
		assertThat(dispatches.find(id, belgrade(2027, 5, 11, 8, 0)))
			.hasValueSatisfying(dispatch -> assertThat(dispatch.status()).isEqualTo(DigestStatus.EMPTY));
		assertThat(inbox(id)).as("its notification stays in the inbox").hasSize(1);
	}

	@Test
	void aDailyDigestWhoseRetriesOutlastTheNextPeriodStillFailsForGoodAndIsCounted() throws Exception {
		String to = "spent-" + UUID.randomUUID() + "@skgo.example";
		String id = dailyWithOneNotification(to, belgrade(2027, 6, 1, 10, 0));

		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		DigestJob down = secondInstance(unreachableMailer(), meters);
		clock.setTo(belgrade(2027, 6, 2, 8, 1));
		down.runOnce();
		// the default schedule waits about 27.6 hours in all: the last attempts come
		// after the next period ended
		JsonNode digest = latestDigest(id);
		for (int pass = 0; pass < 10 && digest.get("status").asString().equals("RETRYING"); pass++) {
			clock.setTo(Instant.parse(digest.get("nextAttemptAt").asString()).plusSeconds(1));
			down.runOnce();
			digest = latestDigest(id);
		}

		assertThat(digest.get("status").asString()).isEqualTo("FAILED");
		assertThat(Instant.parse(digest.get("periodStart").asString())).isEqualTo(belgrade(2027, 6, 1, 8, 0));
		assertThat(digest.get("attemptCount").asInt()).isEqualTo(notificationProperties.retrySchedule().size() + 1);
		assertThat(clock.instant()).as("its last attempt came after the next period ended")
			.isAfter(belgrade(2027, 6, 3, 8, 0));
		assertThat(digest.path("nextAttemptAt").isNull() || digest.path("nextAttemptAt").isMissingNode()).isTrue();
		assertThat(meters.counter("decoop.notifications.digests", "outcome", "failed").count()).isEqualTo(1.0);
		assertThat(down.runOnce()).as("never taken again").isZero();
		assertThat(mailsTo(to)).isEmpty();
	}

	@Test
	void aDigestWhoseHolderCrashedIsSentAfterTheNextPeriodEnded() throws Exception {
		String to = "crashed-" + UUID.randomUUID() + "@skgo.example";
		String id = dailyWithOneNotification(to, belgrade(2027, 6, 14, 10, 0));

		// an instance claims the digest of 14 June and dies before it reads or sends it
		clock.setTo(belgrade(2027, 6, 15, 8, 1));
		Instant now = clock.instant();
		assertThat(dispatches.claim(id, properties.schedule().lastEnded(Digest.DAILY, now).orElseThrow(), now,
				now.plus(Duration.ofMinutes(5))))
			.isPresent();

		clock.setTo(belgrade(2027, 6, 16, 8, 1));
		assertThat(job.runOnce()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(to).size() == 1);
		JsonNode sent = latestDigest(id);
		assertThat(sent.get("status").asString()).isEqualTo("SENT");
		assertThat(Instant.parse(sent.get("periodStart").asString())).isEqualTo(belgrade(2027, 6, 14, 8, 0));
		assertThat(sent.get("attemptCount").asInt()).isEqualTo(1);
	}

	@Test
	void aSlowMailServerKeepsTheClaimSoAnotherInstanceDoesNotSendItAgain() throws Exception {
		String to = "slow-" + UUID.randomUUID() + "@skgo.example";
		String id = dailyWithOneNotification(to, belgrade(2027, 6, 21, 10, 0));

		// an SMTP session of 2 minutes (connect 5 s, ten round trips of up to 10 s, and a
		// slow server),
		// during which another instance runs a pass
		List<Integer> sentByTheOther = new ArrayList<>();
		DigestMailer slow = new DigestMailer(writer(mailSender), summaries, properties.zone()) {
			@Override
			void send(Subscription subscription, DigestPeriod period, List<Notification> listed, long total) {
				clock.setTo(clock.instant().plus(Duration.ofMinutes(2)));
				sentByTheOther.add(secondInstance(mailer).runOnce());
				super.send(subscription, period, listed, total);
			}
		};
		clock.setTo(belgrade(2027, 6, 22, 8, 1));
		assertThat(secondInstance(slow).runOnce()).isEqualTo(1);

		assertThat(sentByTheOther).containsExactly(0);
		assertThat(mailsTo(to)).hasSize(1);
		JsonNode sent = latestDigest(id);
		assertThat(sent.get("status").asString()).as("its outcome recorded by its holder").isEqualTo("SENT");
		assertThat(sent.get("attemptCount").asInt()).isEqualTo(1);
	}

	@Test
	void sendsEachDigestInItsSubscriptionsLanguage() throws Exception {
		clock.setTo(belgrade(2027, 5, 10, 10, 0));
		List<String> languages = List.of("en", "fr", "sr-Cyrl", "sr-Latn");
		Map<String, String> addresses = new LinkedHashMap<>();
		Map<String, String> ids = new LinkedHashMap<>();
		for (String language : languages) {
			String address = "digest-" + language + "-" + UUID.randomUUID() + "@skgo.example";
			addresses.put(language, address);
			ids.put(language, subscribe(address, "DAILY", language).get("id").asString());
		}
		events.publish(new PartnershipEstablished(partnershipId, 0, PartnershipStatus.ACTIVE,
				List.of(new PartnershipEvent.Partner("nevers", "Nevers", "FR"),
						new PartnershipEvent.Partner("sremska-mitrovica", "Сремска Митровица", "RS")),
				2005, Set.of(Theme.CULTURE), null, Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> ids.values().stream().allMatch(id -> inbox(id).size() == 1));

		clock.setTo(belgrade(2027, 5, 11, 8, 1));
		job.runOnce();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> addresses.values().stream().allMatch(address -> mailsTo(address).size() == 1));

		Map<String, String> subjects = Map.of("en", "[decoop] Your daily digest: 1 notification", "fr",
				"[decoop] Votre résumé quotidien\u00a0: 1 notification", "sr-Cyrl",
				"[decoop] Ваш дневни преглед — обавештења: 1", "sr-Latn",
				"[decoop] Vaš dnevni pregled — obaveštenja: 1");
		Map<String, String> summaries = Map.of("en",
				"The partnership Nevers (FR) – Sremska Mitrovica (RS) was established.", "fr",
				"Le partenariat Nevers (FR) – Sremska Mitrovica (RS) a été établi.", "sr-Cyrl",
				"Партнерство Nevers (FR) – Сремска Митровица (RS) је успостављено.", "sr-Latn",
				"Partnerstvo Nevers (FR) – Sremska Mitrovica (RS) je uspostavljeno.");
		Map<String, String> headings = Map.of("en", "Partnership established (1)", "fr", "Partenariat établi (1)",
				"sr-Cyrl", "Успостављено партнерство (1)", "sr-Latn", "Uspostavljeno partnerstvo (1)");
		LocalizedFormats formats = new LocalizedFormats();
		for (String language : languages) {
			MimeMessage digest = mailsTo(addresses.get(language)).get(0);
			Locale locale = Locale.forLanguageTag(language);
			assertThat(digest.getSubject()).as("in %s", language).isEqualTo(subjects.get(language));
			assertThat(digest.getHeader("Content-Language", null)).isEqualTo(language);
			Part alternative = partOfType(digest, "multipart/alternative");
			assertThat((String) partOfType(alternative, "text/plain").getContent()).as("in %s", language)
				.contains("%s – %s (Europe/Belgrade)".formatted(
						formats.dateTime(belgrade(2027, 5, 10, 8, 0), BELGRADE, locale),
						formats.dateTime(belgrade(2027, 5, 11, 8, 0), BELGRADE, locale)))
				.containsSubsequence(headings.get(language), summaries.get(language))
				.contains(ids.get(language));
			assertThat((String) partOfType(alternative, "text/html").getContent())
				.contains("<h2>" + headings.get(language) + "</h2>");
		}
	}

	@Test
	void aDueRetryOfADeletedSubscriptionIsCancelled() throws Exception {
		String to = "deleted-" + UUID.randomUUID() + "@skgo.example";
		String id = dailyWithOneNotification(to, belgrade(2027, 6, 28, 10, 0));
		clock.setTo(belgrade(2027, 6, 29, 8, 1));
		secondInstance(unreachableMailer(), new SimpleMeterRegistry()).runOnce();
		DigestDispatch retrying = dispatches.find(id, belgrade(2027, 6, 28, 8, 0)).orElseThrow();
		assertThat(retrying.status()).isEqualTo(DigestStatus.RETRYING);

		assertThat(api.send("DELETE", "/api/subscriptions/" + id, null, null).statusCode()).isEqualTo(204);
		clock.setTo(retrying.nextAttemptAt().orElseThrow().plusSeconds(1));
		assertThat(job.runOnce()).isZero();

		DigestDispatch cancelled = dispatches.find(id, belgrade(2027, 6, 28, 8, 0)).orElseThrow();
		assertThat(cancelled.status()).isEqualTo(DigestStatus.CANCELLED);
		assertThat(cancelled.attempts()).extracting(DigestAttempt::error).last().isEqualTo("subscription deleted");
		assertThat(dispatches.due(clock.instant().plus(Duration.ofDays(30)), 1000))
			.extracting(DigestDispatch::subscriptionId)
			.doesNotContain(id);
		assertThat(mailsTo(to)).isEmpty();
	}

	/**
	 * A confirmed DAILY digest subscription to {@code to}, made at {@code at}, with one
	 * notification in its inbox.
	 */
	private String dailyWithOneNotification(String to, Instant at) throws Exception {
		return subscribedWithNotifications(to, "DAILY", at, 1);
	}

	/**
	 * A confirmed {@code digest} subscription to {@code to}, made at {@code at}, with
	 * {@code count} notifications in its inbox: the partnership established, then (the
	 * second) reactivated.
	 */
	private String subscribedWithNotifications(String to, String digest, Instant at, int count) throws Exception {
		clock.setTo(at);
		String id = subscribe(to, digest).get("id").asString();
		events.publish(new PartnershipEstablished(partnershipId, 0, PartnershipStatus.ACTIVE, partners(), 2005,
				Set.of(Theme.CULTURE), null, Instant.now()));
		if (count == 2) {
			events.publish(new PartnershipReactivated(partnershipId, 1, PartnershipStatus.ACTIVE, partners(),
					Set.of(Theme.YOUTH), "Action plan 2027 signed", "plan-2027", Instant.now()));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(id).size() == count);
		return id;
	}

	private JsonNode latestDigest(String subscriptionId) {
		return api.get("/api/subscriptions/" + subscriptionId + "/digests").json().get("content").get(0);
	}

	private DigestMailer unreachableMailer() {
		JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
		unreachable.setHost("127.0.0.1");
		unreachable.setPort(1); // nothing listens there
		return new DigestMailer(writer(unreachable), summaries, properties.zone());
	}

	private MailWriter writer(JavaMailSender sender) {
		return new MailWriter(sender, notificationProperties, messages, new LocalizedFormats());
	}

	private DigestJob secondInstance(DigestMailer itsMailer, SimpleMeterRegistry meters) {
		return new DigestJob(subscriptions, notifications, dispatches, itsMailer, properties, notificationProperties,
				clock, meters);
	}

	/** Another instance of the service, on the same database. */
	private DigestJob secondInstance(DigestMailer itsMailer) {
		return new DigestJob(subscriptions, notifications, dispatches, itsMailer, properties, notificationProperties,
				clock, new SimpleMeterRegistry());
	}

	private JsonNode subscribe(String to, String digest) {
		return subscribe(to, digest, "en");
	}

	/** ... speaking {@code language}. */
	private JsonNode subscribe(String to, String digest, String language) {
		String body = ("{\"channel\": \"EMAIL\", \"target\": \"%s\", \"locale\": \"%s\", "
				+ "\"filter\": {\"partnershipId\": \"%s\"}%s}")
			.formatted(to, language, partnershipId, digest == null ? "" : ", \"digest\": \"" + digest + "\"");
		ServiceApi.Answer answer = api.post("/api/subscriptions", body);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		ConfirmationMails.confirm(ServiceApi.onPort(port), smtp, to);
		return answer.json();
	}

	private List<JsonNode> inbox(String subscriptionId) {
		return api.get("/api/subscriptions/" + subscriptionId + "/notifications").content().toList();
	}

	/**
	 * The notification and digest e-mails to {@code address} (not its confirmation
	 * e-mail).
	 */
	private static List<MimeMessage> mailsTo(String address) {
		return ConfirmationMails.notificationMailsTo(smtp, address);
	}

	/** The first part of this MIME type, looked for depth first. */
	private static Part partOfType(Part part, String type) throws Exception {
		List<Part> found = new ArrayList<>();
		collect(part, type, found);
		assertThat(found).as("a %s part", type).isNotEmpty();
		return found.get(0);
	}

	private static void collect(Part part, String type, List<Part> found) throws Exception {
		if (part.isMimeType(type)) {
			found.add(part);
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, type, found);
			}
		}
	}

	private static Instant belgrade(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(BELGRADE).toInstant();
	}

	private static List<PartnershipEvent.Partner> partners() {
		return List.of(new PartnershipEvent.Partner("nevers", "Nevers", "FR"),
				new PartnershipEvent.Partner("sremska-mitrovica", "Sremska Mitrovica", "RS"));
	}

}
