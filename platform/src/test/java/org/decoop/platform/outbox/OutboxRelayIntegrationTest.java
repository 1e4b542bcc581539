package org.decoop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEnded;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.testing.MutableClock;
import org.decoop.platform.tracing.Traces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.unit.DataSize;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The outbox against a real (embedded) Kafka broker and the in-process MongoDB wire
 * server: what is written with the state is published, in order, as CloudEvents; what
 * failed to be written is never published; a crash between publishing and marking
 * publishes again.
 */
class OutboxRelayIntegrationTest {

	private static final String COLLECTION = "test_aggregates";

	private static final Instant T0 = Instant.parse("2020-02-27T10:00:00Z");

	private static EmbeddedKafkaKraftBroker kafka;

	private static MongoServer mongoServer;

	private static MongoClient mongoClient;

	private final MongoTemplate mongo = new MongoTemplate(mongoClient,
			"outbox_" + UUID.randomUUID().toString().replace("-", ""));

	private final AtomicBoolean failNextMark = new AtomicBoolean();

	private final AggregateStore store = new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test")));

	private final MutableClock clock = new MutableClock(T0);

	private KafkaTemplate<String, byte[]> kafkaTemplate;

	private String topic;

	@BeforeAll
	static void startInfrastructure() {
		kafka = new EmbeddedKafkaKraftBroker(1, 1);
		kafka.afterPropertiesSet();
		mongoServer = new MongoServer(new MemoryBackend());
		mongoServer.bind();
		mongoClient = MongoClients.create(mongoServer.getConnectionString());
	}

	@AfterAll
	static void stopInfrastructure() {
		mongoClient.close();
		mongoServer.shutdownNow();
		kafka.destroy();
	}

	@BeforeEach
	void createTopicAndProducer() {
		topic = "test-events-" + UUID.randomUUID();
		kafka.addTopics(topic);
		kafkaTemplate = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(), ProducerConfig.ACKS_CONFIG,
						"all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new StringSerializer(), new ByteArraySerializer()));
	}

	@AfterEach
	void closeProducer() {
		kafkaTemplate.destroy();
	}

	@Test
	void publishesEachAggregatesEventsInOrderAsCloudEventsAndRemovesThemFromTheDocument() {
		TestAggregate aggregate = new TestAggregate("p-1");
		store.insert(aggregate, 0, List.of(established("p-1")));
		store.update(aggregate, 0, 1, List.of(dormant("p-1", 1)));
		store.update(aggregate, 1, 2, List.of(ended("p-1", 2)));

		assertThat(relay().relayOnce()).isEqualTo(3);

		List<ConsumerRecord<String, byte[]>> records = readAll(3);
		assertThat(records).extracting(ConsumerRecord::key).containsOnly("p-1");
		assertThat(records).extracting(record -> CloudEventRecords.toCloudEvent(record).getType())
			.containsExactly("org.decoop.PartnershipEstablished", "org.decoop.PartnershipWentDormant",
					"org.decoop.PartnershipEnded");
		CloudEvent first = CloudEventRecords.toCloudEvent(records.get(0));
		assertThat(first.getSource()).hasToString("/test-service");
		assertThat(first.getSubject()).isEqualTo("p-1");
		assertThat(first.getTime().toInstant()).isEqualTo(T0);
		assertThat(first.getDataContentType()).isEqualTo("application/json");
		assertThat(new String(first.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"partnershipId\":\"p-1\"");
		assertThat(records.get(0).headers().lastHeader("ce_specversion").value()).asString().isEqualTo("1.0");

		assertThat(mongo.findById("p-1", TestAggregate.class).getOutbox()).isEmpty();
		assertThat(relay().relayOnce()).isZero();
	}

	@Test
	void readsTheOutboxWithMajorityReadConcernSoItNeverPublishesAWriteThatCouldRollBack() {
		List<BsonDocument> finds = new CopyOnWriteArrayList<>();
		CommandListener listener = new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				if (event.getCommandName().equals("find")
						&& COLLECTION.equals(event.getCommand().getString("find").getValue())) {
					finds.add(event.getCommand().clone());
				}
			}
		};
		try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(mongoServer.getConnectionString()))
			.addCommandListener(listener)
			.build())) {
			MongoTemplate template = new MongoTemplate(listened, mongo.getDb().getName());
			store.insert(new TestAggregate("p-majority"), 0, List.of(established("p-majority")));
			OutboxRelay relay = new OutboxRelay(template, kafkaTemplate,
					new OutboxProperties(Duration.ofMillis(100), 100, Duration.ofSeconds(30), Duration.ofSeconds(10), 1,
							(short) 1),
					List.of(new OutboxSource(COLLECTION, topic, "/test-service")), clock, new SimpleMeterRegistry());

			assertThat(relay.relayOnce()).isEqualTo(1);
		}

		// the sweep's query and the read of the claimed aggregates' events
		assertThat(finds).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy(find -> assertThat(find.get("readConcern")).as("readConcern of %s", find.toJson())
				.isEqualTo(new BsonDocument("level", new BsonString("majority"))));
	}

	@Test
	void parksAnEventTheBrokerRefusesForGoodAndGoesOnWithTheOthers() {
		// 2 MB of reason: larger than the producer's max.request.size (1 MB), refused
		// whatever the retries;
		// written by a store whose max-event-size is set above what the broker takes.
		AggregateStore lenient = new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test")),
				new OutboxWakeups(), AggregateStore.DEFAULT_MAX_PENDING_EVENTS, DataSize.ofMegabytes(4));
		store.insert(new TestAggregate("p-huge"), 0, List.of(established("p-huge")));
		TestAggregate huge = mongo.findById("p-huge", TestAggregate.class);
		lenient.update(huge, 0, 1, List.of(new PartnershipWentDormant("p-huge", 1, PartnershipStatus.DORMANT,
				partners(), Set.of(Theme.CULTURE), "x".repeat(2_000_000), null, T0)));
		store.update(huge, 1, 2, List.of(ended("p-huge", 2)));
		store.insert(new TestAggregate("p-other"), 0, List.of(established("p-other")));
		OutboxRelay relay = relay();

		relay.relayOnce();
		relay.relayOnce();

		List<ConsumerRecord<String, byte[]>> records = readAll(3);
		assertThat(records).extracting(record -> record.key() + " " + CloudEventRecords.toCloudEvent(record).getType())
			.containsExactlyInAnyOrder("p-huge org.decoop.PartnershipEstablished",
					"p-other org.decoop.PartnershipEstablished", "p-huge org.decoop.PartnershipEnded");
		org.bson.Document stored = mongo.findById("p-huge", org.bson.Document.class, COLLECTION);
		assertThat(stored.getList(OutboxDocument.OUTBOX, org.bson.Document.class)).isEmpty();
		assertThat(stored.getList(OutboxDocument.PARKED, org.bson.Document.class)).singleElement().satisfies(parked -> {
			assertThat(parked.getString("type")).isEqualTo("org.decoop.PartnershipWentDormant");
			assertThat(parked.getString("reason")).contains("max.request.size");
		});
		assertThat(relay.relayOnce()).as("never sent again").isZero();
	}

	@Test
	void publishesAgainWhenTheRelayFailsBetweenPublishingAndMarkingSent() {
		store.insert(new TestAggregate("p-2"), 0, List.of(established("p-2")));
		failNextMark.set(true);

		assertThatThrownBy(() -> relay().relayOnce()).isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(mongo.findById("p-2", TestAggregate.class).getOutbox()).hasSize(1);

		// The crashed relay's claim expires; the next pass sends the same event again.
		clock.advance(Duration.ofMinutes(1));
		assertThat(relay().relayOnce()).isEqualTo(1);

		List<ConsumerRecord<String, byte[]>> records = readAll(2);
		assertThat(records).extracting(record -> CloudEventRecords.toCloudEvent(record).getId())
			.hasSize(2)
			.doesNotContainNull()
			.satisfies(ids -> assertThat(Set.copyOf(ids)).hasSize(1));
		assertThat(mongo.findById("p-2", TestAggregate.class).getOutbox()).isEmpty();
	}

	@Test
	void publishesNothingForAWriteThatFailed() {
		TestAggregate aggregate = new TestAggregate("p-3");
		store.insert(aggregate, 0, List.of(established("p-3")));

		TestAggregate stale = mongo.findById("p-3", TestAggregate.class);
		store.update(aggregate, 0, 1, List.of(dormant("p-3", 1)));
		assertThatThrownBy(() -> store.update(stale, 0, 1, List.of(ended("p-3", 1))))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThatThrownBy(() -> store.insert(new TestAggregate("p-3"), 0, List.of(established("p-3"))))
			.isInstanceOf(DuplicateKeyException.class);

		assertThat(relay().relayOnce()).isEqualTo(2);
		assertThat(readAll(2)).extracting(record -> CloudEventRecords.toCloudEvent(record).getType())
			.containsExactly("org.decoop.PartnershipEstablished", "org.decoop.PartnershipWentDormant");
	}

	@Test
	void keepsEventsTheRelayRemovedMeanwhileFromComingBack() {
		TestAggregate aggregate = new TestAggregate("p-4");
		store.insert(aggregate, 0, List.of(established("p-4")));
		assertThat(relay().relayOnce()).isEqualTo(1);

		// The aggregate object still holds its first event in memory; saving it must not
		// restore it.
		store.update(aggregate, 0, 1, List.of(dormant("p-4", 1)));

		assertThat(mongo.findById("p-4", TestAggregate.class).getOutbox()).extracting(OutboxEvent::type)
			.containsExactly("org.decoop.PartnershipWentDormant");
	}

	@Test
	void letsOnlyOneRelayClaimAnAggregateUntilItsClaimExpires() {
		store.insert(new TestAggregate("p-5"), 0, List.of(established("p-5")));
		failNextMark.set(true);
		assertThatThrownBy(() -> relay().relayOnce()).isInstanceOf(DataAccessResourceFailureException.class);

		assertThat(relay().relayOnce()).as("claim still held by the crashed relay").isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(relay().relayOnce()).isEqualTo(1);
	}

	@Test
	void publishesWhatAWriterNamesAtOnceWithoutWaitingForTheSweep() {
		OutboxWakeups wakeups = new OutboxWakeups();
		AggregateStore namingStore = new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test")),
				wakeups);
		OutboxProperties properties = new OutboxProperties(Duration.ofHours(1), 100, Duration.ofSeconds(30),
				Duration.ofSeconds(10), 1, (short) 1);
		OutboxRelay relay = new OutboxRelay(mongo, kafkaTemplate, properties,
				List.of(new OutboxSource(COLLECTION, topic, "/test-service")), wakeups, Traces.NONE, Clock.systemUTC(),
				new SimpleMeterRegistry());
		// the sweep runs once at start, on an empty collection, then not for an hour
		relay.start();
		try {
			TestAggregate aggregate = new TestAggregate("p-6");
			namingStore.insert(aggregate, 0, List.of(established("p-6")));
			namingStore.update(aggregate, 0, 1, List.of(dormant("p-6", 1)));

			assertThat(readAll(2)).extracting(record -> CloudEventRecords.toCloudEvent(record).getType())
				.containsExactly("org.decoop.PartnershipEstablished", "org.decoop.PartnershipWentDormant");
			await().untilAsserted(() -> assertThat(mongo.findById("p-6", TestAggregate.class).getOutbox()).isEmpty());
			assertThat(mongo.getCollection(OutboxClaims.COLLECTION).countDocuments()).as("claims released").isZero();
		}
		finally {
			relay.stop();
		}
	}

	@Test
	void carriesTheTraceOfTheWriteAsTheDistributedTracingExtension() {
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		AggregateStore tracedStore = new AggregateStore(mongo,
				new EventSerializer(() -> Actor.system("test"), () -> Optional.of(traceparent)));
		tracedStore.insert(new TestAggregate("p-8"), 0, List.of(established("p-8")));

		relay().relayOnce();

		assertThat(readAll(1)).singleElement()
			.satisfies(record -> assertThat(new String(record.headers().lastHeader("ce_traceparent").value()))
				.isEqualTo(traceparent));
	}

	@Test
	void publishesNothingWhilePausedAndEverythingOnceResumed() {
		store.insert(new TestAggregate("p-7"), 0, List.of(established("p-7")));
		OutboxRelay relay = relay();

		relay.pause();
		assertThat(relay.relayOnce()).isZero();
		assertThat(mongo.findById("p-7", TestAggregate.class).getOutbox()).hasSize(1);

		relay.resume();
		assertThat(relay.relayOnce()).isEqualTo(1);
	}

	private OutboxRelay relay() {
		OutboxProperties properties = new OutboxProperties(Duration.ofMillis(100), 100, Duration.ofSeconds(30),
				Duration.ofSeconds(10), 1, (short) 1);
		return new OutboxRelay(new FailingMarkStore(mongo, failNextMark),
				new OutboxPublisher(kafkaTemplate, Traces.NONE), properties,
				List.of(new OutboxSource(COLLECTION, topic, "/test-service")), new OutboxWakeups(), clock,
				new SimpleMeterRegistry());
	}

	private List<ConsumerRecord<String, byte[]>> readAll(int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (records.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			// One more short poll proves nothing beyond the expected records was
			// published.
			consumer.poll(Duration.ofMillis(500)).forEach(records::add);
		}
		assertThat(records).hasSize(expected);
		return records;
	}

	private static PartnershipEstablished established(String id) {
		return new PartnershipEstablished(id, 0, PartnershipStatus.ACTIVE, partners(), 1970, Set.of(Theme.CULTURE),
				null, T0);
	}

	private static PartnershipWentDormant dormant(String id, long version) {
		return new PartnershipWentDormant(id, version, PartnershipStatus.DORMANT, partners(), Set.of(Theme.CULTURE),
				"No activity since 2015", null, T0.plusSeconds(version));
	}

	private static PartnershipEnded ended(String id, long version) {
		return new PartnershipEnded(id, version, PartnershipStatus.ENDED, partners(), Set.of(Theme.CULTURE), "Ended",
				T0.plusSeconds(version));
	}

	private static List<PartnershipEvent.Partner> partners() {
		return List.of(new PartnershipEvent.Partner("la-1", "Nevers", "FR"),
				new PartnershipEvent.Partner("la-2", "Sremska Mitrovica", "RS"));
	}

	@Document(COLLECTION)
	static class TestAggregate extends OutboxDocument {

		String name = "test";

		TestAggregate() {
		}

		TestAggregate(String id) {
			super(id, null);
		}

	}

	/**
	 * Fails the relay's "mark sent" write on demand: the crash between publish and mark.
	 */
	static class FailingMarkStore extends OutboxStore {

		private final AtomicBoolean failNextMark;

		FailingMarkStore(MongoTemplate mongo, AtomicBoolean failNextMark) {
			super(mongo);
			this.failNextMark = failNextMark;
		}

		@Override
		void markSent(String collection, Map<Object, List<String>> sent) {
			if (failNextMark.getAndSet(false)) {
				throw new DataAccessResourceFailureException("simulated crash before marking events sent");
			}
			super.markSent(collection, sent);
		}

	}

}
