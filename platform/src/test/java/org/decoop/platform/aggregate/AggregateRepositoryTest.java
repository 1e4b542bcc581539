package org.decoop.platform.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.AggregateId;
import org.decoop.platform.domain.AggregateRoot;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.StaleVersion;
import org.decoop.platform.outbox.AggregateStore;
import org.decoop.platform.outbox.EventSerializer;
import org.decoop.platform.outbox.OutboxDocument;
import org.decoop.platform.outbox.OutboxFull;
import org.decoop.platform.outbox.OutboxWakeups;
import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.util.unit.DataSize;

/**
 * The one write path: versions counted by the aggregate, saved conditionally with their
 * events, races retried or refused.
 */
class AggregateRepositoryTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private final MongoTemplate mongo = MONGO.freshDatabase();

	private final Counters counters = new Counters(mongo,
			new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test"))));

	@Test
	void storesOneNewVersionPerChangeWithTheEventsOfThatChange() {
		Counter counter = counters.add(Counter.start(CounterId.next()));
		assertThat(stored(counter).getVersion()).isZero();

		Counter changed = counters.change(counter.id, ExpectedVersion.any(), Counter::increment);

		assertThat(changed.version()).isEqualTo(1);
		CounterDocument document = stored(counter);
		assertThat(document.getVersion()).isEqualTo(1);
		assertThat(document.count).isEqualTo(1);
		assertThat(document.getOutbox()).hasSize(2);
		assertThat(counters.get(counter.id).version()).isEqualTo(1);
	}

	@Test
	void refusesAChangeThatWouldLeaveTooManyEventsUnpublishedAndWritesNothing() {
		Counters bounded = new Counters(mongo,
				new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test")), new OutboxWakeups(), 3));
		Counter counter = bounded.add(Counter.start(CounterId.next()));
		bounded.change(counter.id, ExpectedVersion.any(), Counter::increment);
		bounded.change(counter.id, ExpectedVersion.any(), Counter::increment);

		// the broker is down: nothing was published, three events wait in the document
		assertThatThrownBy(() -> bounded.change(counter.id, ExpectedVersion.any(), Counter::increment))
			.isInstanceOf(OutboxFull.class)
			.hasMessageContaining("at most 3");

		assertThat(stored(counter).getVersion()).isEqualTo(2);
		assertThat(stored(counter).getOutbox()).hasSize(3);
	}

	@Test
	void refusesAnEventLargerThanTheBrokerTakesForEveryAggregateAndWritesNothing() {
		Counters small = new Counters(mongo, new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test")),
				new OutboxWakeups(), AggregateStore.DEFAULT_MAX_PENDING_EVENTS, DataSize.ofBytes(1024)));
		Counter counter = small.add(Counter.start(CounterId.next()));

		assertThatThrownBy(() -> small.change(counter.id, ExpectedVersion.any(),
				loaded -> loaded.incrementBecause("x".repeat(1024))))
			.isInstanceOf(InvalidValue.class)
			.hasMessageContaining("PartnershipWentDormant")
			.hasMessageContaining("more than the 1024 the broker takes");
		assertThatThrownBy(() -> small.add(Counter.startBecause(CounterId.next(), "x".repeat(1024))))
			.isInstanceOf(InvalidValue.class);

		assertThat(stored(counter).getVersion()).isZero();
		assertThat(stored(counter).getOutbox()).hasSize(1);
		assertThat(mongo.count(new Query(), CounterDocument.class)).isOne();
	}

	@Test
	void refusesAChangeThatWouldMakeAForeseenEventLargerThanTheBrokerTakesNamingTheFieldThatGrewIt() {
		Counters small = new Counters(mongo, new AggregateStore(mongo, new EventSerializer(() -> Actor.system("test")),
				new OutboxWakeups(), AggregateStore.DEFAULT_MAX_PENDING_EVENTS, DataSize.ofBytes(1024)));
		Counter counter = small.add(Counter.start(CounterId.next()));
		small.change(counter.id, ExpectedVersion.any(), loaded -> loaded.label("short"));

		// no event now, but the counter's closing event would carry the label
		assertThatThrownBy(
				() -> small.change(counter.id, ExpectedVersion.any(), loaded -> loaded.label("x".repeat(1024))))
			.isInstanceOfSatisfying(InvalidValue.class,
					refused -> assertThat(refused.field().orElseThrow()).hasToString("label"))
			.hasMessageContaining("more than the 1024 the broker takes");

		assertThat(stored(counter).label).isEqualTo("short");
		assertThat(stored(counter).getVersion()).isEqualTo(1);
	}

	@Test
	void refusesAPinnedVersionThatIsNoLongerCurrentAndWritesNothing() {
		Counter counter = counters.add(Counter.start(CounterId.next()));
		counters.change(counter.id, ExpectedVersion.any(), Counter::increment);

		assertThatThrownBy(() -> counters.change(counter.id, ExpectedVersion.oneOf(List.of(0L)), Counter::increment))
			.isInstanceOf(StaleVersion.class);
		assertThat(stored(counter).count).isEqualTo(1);
	}

	@Test
	void runsTheCommandAgainOnFreshStateWhenAnotherWriterWonTheRace() {
		Counter counter = counters.add(Counter.start(CounterId.next()));
		AtomicInteger runs = new AtomicInteger();

		counters.change(counter.id, ExpectedVersion.any(), loaded -> {
			if (runs.incrementAndGet() == 1) {
				counters.change(counter.id, ExpectedVersion.any(), Counter::increment);
			}
			loaded.increment();
		});

		assertThat(runs).hasValue(2);
		assertThat(stored(counter).count).as("both increments, none lost").isEqualTo(2);
		assertThat(stored(counter).getVersion()).isEqualTo(2);
	}

	@Test
	void losesTheRaceForGoodWhenTheCallerPinnedTheVersion() {
		Counter counter = counters.add(Counter.start(CounterId.next()));

		assertThatThrownBy(() -> counters.change(counter.id, ExpectedVersion.oneOf(List.of(0L)), loaded -> {
			counters.change(counter.id, ExpectedVersion.any(), Counter::increment);
			loaded.increment();
		})).isInstanceOf(StaleVersion.class);
		assertThat(stored(counter).count).isEqualTo(1);
	}

	@Test
	void writesNothingWhenTheCommandChangesNothingAndKnowsWhatDoesNotExist() {
		Counter counter = counters.add(Counter.start(CounterId.next()));

		assertThat(counters.change(counter.id, ExpectedVersion.any(), loaded -> {
		}).version()).isZero();
		assertThat(stored(counter).getOutbox()).hasSize(1);

		assertThatThrownBy(() -> counters.change(new CounterId("none"), ExpectedVersion.any(), Counter::increment))
			.isInstanceOf(DoesNotExist.class)
			.hasMessage("Counter none does not exist");
		assertThat(counters.changeIfExists(new CounterId("none"), Counter::increment)).isEmpty();
	}

	@Test
	void savesASecondChangeOfTheSameInstanceOnTheVersionItStoredFirst() {
		Counter counter = counters.add(Counter.start(CounterId.next()));
		counter.increment();
		counters.save(counter);
		counter.increment();
		counters.save(counter);

		assertThat(stored(counter).getVersion()).isEqualTo(2);
		assertThat(stored(counter).count).isEqualTo(2);
	}

	@Test
	void removesAFieldTheAggregateCleared() {
		Counter counter = counters.add(Counter.start(CounterId.next()));
		counters.change(counter.id, ExpectedVersion.any(), loaded -> loaded.label("busy"));
		assertThat(stored(counter).label).isEqualTo("busy");

		counters.change(counter.id, ExpectedVersion.any(), loaded -> loaded.label(null));

		assertThat(stored(counter).label).isNull();
		assertThat(stored(counter).count).isZero();
	}

	@Test
	void answersTheAggregateStoredAlreadyUnderANewOnesIdAndWritesNothing() {
		// a command run again after its instance died makes the same id (CommandIds)
		CounterId id = CounterId.next();
		Counter first = counters.add(Counter.start(id));
		counters.change(id, ExpectedVersion.any(), Counter::increment);

		Counter again = counters.add(Counter.startBecause(id, "run again"));

		assertThat(again.count).as("the stored one").isEqualTo(1);
		assertThat(again.version()).isEqualTo(1);
		assertThat(again.isNew()).isFalse();
		assertThat(stored(first).getOutbox()).as("no event of the run again").hasSize(2);
		assertThat(mongo.count(new Query(), CounterDocument.class)).isOne();
	}

	private CounterDocument stored(Counter counter) {
		return mongo.findById(counter.id.value(), CounterDocument.class);
	}

	record CounterId(String value) implements AggregateId {

		static CounterId next() {
			return new CounterId(UUID.randomUUID().toString());
		}
	}

	/** An aggregate as small as it gets: each increment is a change with its event. */
	static final class Counter extends AggregateRoot<PartnershipEvent> {

		final CounterId id;

		int count;

		String label;

		private Counter(CounterId id, long loadedVersion, int count, String label) {
			super(loadedVersion);
			this.id = id;
			this.count = count;
			this.label = label;
		}

		static Counter start(CounterId id) {
			return startBecause(id, "counted");
		}

		static Counter startBecause(CounterId id, String reason) {
			Counter counter = new Counter(id, NEW, 0, null);
			counter.record(event(id, counter.change(), reason));
			return counter;
		}

		/** Its closing event, which would carry the label. */
		@Override
		public List<Foreseen<PartnershipEvent>> foreseenEvents() {
			return label == null ? List.of()
					: List.of(new Foreseen<>(event(id, version() + 1, label), Field.named("label")));
		}

		void label(String label) {
			this.label = label;
			change();
		}

		void increment() {
			incrementBecause("counted");
		}

		void incrementBecause(String reason) {
			count++;
			record(event(id, change(), reason));
		}

		private static PartnershipEvent event(CounterId id, long version, String reason) {
			return new PartnershipWentDormant(id.value(), version, PartnershipStatus.DORMANT,
					List.of(new PartnershipEvent.Partner("a", "A", "FR"), new PartnershipEvent.Partner("b", "B", "RS")),
					Set.of(Theme.CULTURE), reason, null, Instant.parse("2020-02-27T10:00:00Z"));
		}

	}

	@Document("counters")
	static class CounterDocument extends OutboxDocument {

		int count;

		String label;

		CounterDocument() {
		}

		CounterDocument(String id, int count, String label) {
			super(id, null);
			this.count = count;
			this.label = label;
		}

		static CounterDocument of(Counter counter) {
			return new CounterDocument(counter.id.value(), counter.count, counter.label);
		}

		Counter toDomain() {
			return new Counter(new CounterId(getId()), getVersion(), count, label);
		}

	}

	static class Counters extends AggregateRepository<Counter, CounterId, CounterDocument> {

		Counters(MongoTemplate mongo, AggregateStore store) {
			super(mongo, store, CounterDocument.class, "Counter", CounterDocument::of, CounterDocument::toDomain);
		}

	}

}
