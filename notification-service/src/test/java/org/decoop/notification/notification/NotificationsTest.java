package org.decoop.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.decoop.events.Channel;
import org.decoop.notification.notification.domain.DeliveryId;
import org.decoop.notification.notification.domain.DeliveryStatus;
import org.decoop.notification.subscription.domain.Filter;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.outbox.AggregateStore;
import org.decoop.platform.outbox.EventSerializer;
import org.decoop.platform.testing.InMemoryMongo;
import org.decoop.platform.testing.MutableClock;
import org.decoop.platform.tracing.Traces;
import org.decoop.notification.notification.domain.Summary;
import org.decoop.notification.notification.domain.Summary.Argument;
import org.decoop.platform.i18n.LanguageMessageSource;
import org.decoop.platform.i18n.LocalizedFormats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event's notifications for all its subscriptions are stored in one write, once each
 * whatever the redeliveries.
 */
class NotificationsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Actor OWNER = new Actor(Actor.Kind.USER, "sub-skgo", "SKGO", Set.of("SKGO"), true);

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private final MutableClock clock = new MutableClock(Instant.parse("2020-02-27T10:00:00Z"));

	private final MongoTemplate mongo = MONGO.freshDatabase();

	private final List<Object> published = new ArrayList<>();

	private final Notifications notifications = new Notifications(mongo,
			new Deliveries(mongo, new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test")))), clock);

	@BeforeEach
	void indexesAsAtStart() {
		notifications.start();
	}

	private static final Summaries SUMMARIES = new Summaries(LanguageMessageSource.fromClassPath(),
			new LocalizedFormats());

	/** What the partnership's establishment says, as stored. */
	private static final Summary ESTABLISHED = Summary.of("notification.summary.PartnershipEstablished",
			Argument.name("Nevers (FR) – Сремска Митровица (RS)"));

	private final NotificationRecorder recorder = new NotificationRecorder(notifications, published::add, Traces.NONE,
			SUMMARIES);

	private final Subscription inbox = subscription(Channel.INBOX, null);

	private final Subscription email = subscription(Channel.EMAIL, "coordination@skgo.org");

	@Test
	void storesOneNotificationPerSubscriptionWithItsOwnSequence() {
		assertThat(
				recorder.record(List.of(inbox, email), IncomingEvents.established("e-1"), ESTABLISHED, clock.instant()))
			.isEqualTo(2);
		assertThat(
				recorder.record(List.of(inbox, email), IncomingEvents.established("e-2"), ESTABLISHED, clock.instant()))
			.isEqualTo(2);

		assertThat(notifications.after(inbox.id().value(), 0, 10)).extracting(Notification::eventId)
			.containsExactly("e-1", "e-2");
		Notification mail = notifications.byId(email.id().value(), Notifications.idOf(email.id().value(), "e-2"))
			.orElseThrow();
		assertThat(mail.status()).as("an e-mail is due at once").isEqualTo(DeliveryStatus.PENDING);
		assertThat(published).containsExactly(new NotificationStored(inbox.id().value(), 1),
				new NotificationStored(email.id().value(), 1), new NotificationStored(inbox.id().value(), 2),
				new NotificationStored(email.id().value(), 2));
	}

	@Test
	void storesOnlyWhatARedeliveredEventDidNotStoreYet() {
		recorder.record(inbox, IncomingEvents.established("e-1"), ESTABLISHED, clock.instant());
		published.clear();

		// the first delivery stored it for the inbox, then failed before the e-mail's
		assertThat(
				recorder.record(List.of(inbox, email), IncomingEvents.established("e-1"), ESTABLISHED, clock.instant()))
			.isEqualTo(1);

		assertThat(notifications.after(inbox.id().value(), 0, 10)).hasSize(1);
		assertThat(notifications.byId(email.id().value(), Notifications.idOf(email.id().value(), "e-1"))).isPresent();
		assertThat(published).containsExactly(new NotificationStored(email.id().value(), 1));
		assertThat(notifications.unusedSeqs(inbox.id().value(), 0))
			.as("the number the duplicate took is never stored: streams skip it")
			.containsExactly(2L);
	}

	@Test
	void queuesAPendingDeliveryWhoseFirstStoringFailedBeforeQueueingIt() {
		AggregateStore store = new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test")));
		Deliveries queueFailingOnce = new Deliveries(mongo, store) {
			private boolean failed;

			@Override
			void enqueueNew(DeliveryId id, Instant dueAt) {
				if (!failed) {
					failed = true;
					throw new DataAccessResourceFailureException("the store went away after the insert");
				}
				super.enqueueNew(id, dueAt);
			}
		};
		NotificationRecorder crashingOnce = new NotificationRecorder(new Notifications(mongo, queueFailingOnce, clock),
				published::add, Traces.NONE, SUMMARIES);
		assertThatThrownBy(
				() -> crashingOnce.record(email, IncomingEvents.established("e-1"), ESTABLISHED, clock.instant()))
			.isInstanceOf(DataAccessResourceFailureException.class);
		DeliveryId id = new DeliveryId(Notifications.idOf(email.id().value(), "e-1"));
		assertThat(queueFailingOnce.due(clock.instant(), 10)).as("stored, not queued").isEmpty();

		// the event is redelivered: its notification is stored already, its delivery is
		// queued now
		assertThat(crashingOnce.record(email, IncomingEvents.established("e-1"), ESTABLISHED, clock.instant()))
			.isFalse();

		assertThat(queueFailingOnce.due(clock.instant(), 10)).containsExactly(id);
		assertThat(queueFailingOnce.claim(id, clock.instant(), clock.instant().plusSeconds(60))).as("and goes out")
			.isPresent();
	}

	@Test
	void leavesTheQueueEntryOfADuplicateAsItIs() {
		recorder.record(email, IncomingEvents.established("e-1"), ESTABLISHED, clock.instant());
		DeliveryId id = new DeliveryId(Notifications.idOf(email.id().value(), "e-1"));
		Deliveries deliveries = new Deliveries(mongo,
				new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test"))));
		deliveries.claim(id, clock.instant(), clock.instant().plusSeconds(60)).orElseThrow();

		recorder.record(email, IncomingEvents.established("e-1"), ESTABLISHED, clock.instant());

		assertThat(deliveries.due(clock.instant(), 10)).as("still claimed: the redelivery does not make it due again")
			.isEmpty();
	}

	@Test
	void givesAWebhookTheSummaryInItsLanguageBesideTheLanguageNeutralData() {
		Subscription french = subscription(Channel.WEBHOOK, "https://hooks.nevers.fr/decoop").speaking("fr");
		Subscription cyrillic = subscription(Channel.WEBHOOK, "https://hooks.skgo.org/decoop").speaking("sr-Cyrl");

		recorder.record(List.of(inbox, french, cyrillic), IncomingEvents.established("e-1"), ESTABLISHED,
				clock.instant());

		JsonNode toFrench = cloudEventOf(french, "e-1");
		assertThat(toFrench.get("summary").asString())
			.isEqualTo("Le partenariat Nevers (FR) – Sremska Mitrovica (RS) a été établi.");
		assertThat(toFrench.get("data")).as("the data as the producer wrote it").isEqualTo(JSON.readTree("{}"));
		assertThat(cloudEventOf(cyrillic, "e-1").get("summary").asString())
			.isEqualTo("Партнерство Nevers (FR) – Сремска Митровица (RS) је успостављено.");
		assertThat(cloudEventOf(inbox, "e-1").has("summary")).as("an inbox entry's event is language-neutral")
			.isFalse();
		assertThat(notifications.byId(french.id().value(), Notifications.idOf(french.id().value(), "e-1"))
			.orElseThrow()
			.message()).as("stored as facts, for every reader").isEqualTo(ESTABLISHED);
	}

	private JsonNode cloudEventOf(Subscription subscription, String eventId) {
		return JSON.readTree(
				notifications.byId(subscription.id().value(), Notifications.idOf(subscription.id().value(), eventId))
					.orElseThrow()
					.cloudEvent());
	}

	private Subscription subscription(Channel channel, String target) {
		return Subscription.create(OWNER, "coordinator", channel, target, List.of(), Filter.NONE, clock.instant());
	}

}
