package org.decoop.platform.readmodel;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.messaging.IncomingEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Rebuilds a read model from its topic while the old collection keeps serving: claims the
 * rebuild (one per read model across instances, {@link RebuildLedger}), replays the topic
 * from its beginning into a fresh collection with the read model's own versioned writes,
 * switches the pointer ({@link ReadModelPointers}) once caught up, waits until every
 * instance reads the new pointer, then reads to the end once more: what a live consumer
 * applied to the old collection meanwhile is applied again to the new one (applying an
 * event twice changes nothing, its version is already there). The old collection is
 * dropped at the end.
 */
public class ReadModelRebuilds implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);

	private final Map<String, RebuildableReadModel> readModels = new LinkedHashMap<>();

	private final ReadModelPointers pointers;

	private final RebuildLedger ledger;

	private final MongoTemplate mongo;

	private final ConsumerFactory<?, ?> consumers;

	private final ReadModelProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

	private final Set<TopicReplay> replays = ConcurrentHashMap.newKeySet();

	private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("read-model-rebuild-");

	private volatile boolean stopping;

	public ReadModelRebuilds(List<RebuildableReadModel> readModels, ReadModelPointers pointers, MongoTemplate mongo,
			ConsumerFactory<?, ?> consumers, ReadModelProperties properties, Clock clock, MeterRegistry meters) {
		readModels.forEach(readModel -> this.readModels.put(readModel.name(), readModel));
		this.pointers = pointers;
		this.ledger = new RebuildLedger(mongo);
		this.mongo = mongo;
		this.consumers = consumers;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		// close() interrupts the running rebuilds and waits this long for them to record
		// that they stopped
		executor.setCancelRemainingTasksOnClose(true);
		executor.setTaskTerminationTimeout(5_000);
	}

	/**
	 * Starts a rebuild of {@code name}; a
	 * {@link org.decoop.platform.domain.StateConflict} while one runs.
	 */
	public RebuildProgress start(String name, String by) {
		RebuildableReadModel readModel = readModel(name);
		Instant now = clock.instant();
		RebuildLedger.Claim claim = ledger.claim(name, UUID.randomUUID().toString(), by, now,
				now.plus(properties.rebuildLease()));
		log.info("Rebuilding the read model {} from {} into {}, for {}", name, readModel.topic(), claim.target(), by);
		executor.execute(() -> run(readModel, claim));
		return progress(name);
	}

	/** The latest rebuild of {@code name}, {@code NONE} when it was never rebuilt. */
	public RebuildProgress progress(String name) {
		readModel(name);
		Document pointer = ledger.pointer(name).orElse(null);
		String collection = pointer == null ? name : pointer.getString("collection");
		Document rebuild = pointer == null ? null : pointer.get("rebuild", Document.class);
		if (rebuild == null) {
			return new RebuildProgress(name, "NONE", collection, null, 0, 0, null, null, null, null, null, null);
		}
		String state = rebuild.getString("state");
		if (RebuildLedger.RUNNING.equals(state)
				&& !rebuild.getDate("leaseUntil").toInstant().isAfter(clock.instant())) {
			state = "ABANDONED";
		}
		Number lag = rebuild.get("lag", Number.class);
		return new RebuildProgress(name, state, collection, rebuild.getString("target"),
				rebuild.get("eventsRead", Number.class).longValue(),
				rebuild.get("eventsSkipped", Number.class).longValue(), lag == null ? null : lag.longValue(),
				instant(rebuild, "startedAt"), instant(rebuild, "switchedAt"), instant(rebuild, "finishedAt"),
				rebuild.getString("by"), rebuild.getString("failure"));
	}

	private RebuildableReadModel readModel(String name) {
		RebuildableReadModel readModel = readModels.get(name);
		if (readModel == null) {
			throw new DoesNotExist("Read model", name);
		}
		return readModel;
	}

	private void run(RebuildableReadModel readModel, RebuildLedger.Claim claim) {
		Run run = new Run(claim);
		try (TopicReplay replay = new TopicReplay(newConsumer(readModel.name()), readModel.topic(),
				properties.poll())) {
			replays.add(replay);
			try {
				String leftover = claim.leftover();
				if (leftover != null) {
					mongo.dropCollection(leftover);
				}
				mongo.dropCollection(claim.target());
				String target = claim.target();
				VersionedReadModel into = new VersionedReadModel(mongo, () -> target);
				run.readTo(replay, replay.endOffsets(), readModel, into);
				if (!ledger.switchTo(claim, clock.instant())) {
					throw new LostClaim();
				}
				run.switched = true;
				pointers.switched(readModel.name(), claim.target());
				// every instance reads the new pointer by now: later events go to the new
				// collection
				Thread.sleep(pointers.refresh().plusMillis(100));
				run.readTo(replay, replay.endOffsets(), readModel, into);
			}
			finally {
				replays.remove(replay);
			}
			if (!claim.previous().equals(claim.target())) {
				mongo.dropCollection(claim.previous());
			}
			ledger.end(claim, RebuildLedger.FINISHED, clock.instant(), null);
			log.info("Rebuilt the read model {} in {}: {} events read, {} skipped", readModel.name(), claim.target(),
					run.read, run.skipped);
		}
		catch (LostClaim lost) {
			log.warn(
					"The rebuild of {} into {} lost its claim (its lease ran out); another rebuild owns the read model",
					readModel.name(), claim.target());
		}
		catch (InterruptedException | InterruptException | WakeupException | Stopping stopped) {
			end(run, RebuildLedger.INTERRUPTED, "the service stopped during the rebuild");
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException e) {
			log.warn("The rebuild of {} into {} failed", readModel.name(), claim.target(), e);
			end(run, RebuildLedger.FAILED, String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage()));
		}
	}

	/**
	 * Ends a rebuild that did not finish: the read model keeps its collection unless it
	 * was already switched.
	 */
	private void end(Run run, String state, String why) {
		RebuildLedger.Claim claim = run.claim;
		try {
			if (!run.switched) {
				mongo.dropCollection(claim.target());
			}
			ledger.end(claim, state, clock.instant(), run.switched
					? why + "; the read model was already switched to " + claim.target() + ": rebuild it again" : why);
		}
		catch (RuntimeException e) {
			log.warn("Could not record the end of the rebuild of {}", claim.name(), e);
		}
	}

	/** One rebuild's counts. */
	private final class Run {

		private final RebuildLedger.Claim claim;

		private final Counter events;

		private final AtomicLong lag;

		private long read;

		private long skipped;

		private boolean switched;

		Run(RebuildLedger.Claim claim) {
			this.claim = claim;
			this.events = Counter.builder("decoop.read-models.rebuild.events")
				.tag("read_model", claim.name())
				.description("Records read by read model rebuilds")
				.register(meters);
			this.lag = lags.computeIfAbsent(claim.name(), name -> {
				AtomicLong value = new AtomicLong();
				Gauge.builder("decoop.read-models.rebuild.lag", value, AtomicLong::get)
					.tag("read_model", name)
					.description("Records left to read by the running rebuild")
					.register(meters);
				return value;
			});
		}

		/**
		 * Applies every record up to {@code end}, reporting progress (and extending the
		 * lease) after each poll.
		 */
		void readTo(TopicReplay replay, Map<TopicPartition, Long> end, RebuildableReadModel readModel,
				VersionedReadModel into) {
			while (!replay.reached(end)) {
				if (stopping) {
					throw new Stopping();
				}
				for (ConsumerRecord<byte[], byte[]> record : replay.poll()) {
					read++;
					events.increment();
					if (!apply(readModel, record, into)) {
						skipped++;
					}
				}
				long left = replay.lag();
				lag.set(left);
				if (!ledger.progress(claim, read, skipped, left, clock.instant().plus(properties.rebuildLease()))) {
					throw new LostClaim();
				}
			}
		}

	}

	/**
	 * The live consumer's decoding and writes; a record it cannot read as an event is
	 * skipped (the live consumer parked it on its dead-letter topic), a store that fails
	 * ends the rebuild.
	 */
	private static boolean apply(RebuildableReadModel readModel, ConsumerRecord<byte[], byte[]> record,
			VersionedReadModel into) {
		if (record.value() == null) {
			return false;
		}
		try {
			readModel.replay().apply(IncomingEvent.of(TopicReplay.message(record)), into);
			return true;
		}
		catch (DataAccessException storeFailed) {
			throw storeFailed;
		}
		catch (RuntimeException unreadable) {
			log.warn("Rebuild of {}: skipping {}@{}: {}", readModel.name(), record.topic(), record.offset(),
					unreadable.toString());
			return false;
		}
	}

	/**
	 * A consumer with no group and no commits, reading bytes whatever the service's
	 * consumer settings say.
	 */
	@SuppressWarnings("unchecked")
	private Consumer<byte[], byte[]> newConsumer(String name) {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// the deserializers above make it a consumer of bytes, whatever the factory's
		// type says
		return (Consumer<byte[], byte[]>) consumers.createConsumer(null, "read-model-rebuild-" + name, null, overrides);
	}

	private static @Nullable Instant instant(Document rebuild, String field) {
		Date date = rebuild.getDate(field);
		return date == null ? null : date.toInstant();
	}

	/**
	 * Stops the running rebuilds: each records that it was interrupted, and the read
	 * model keeps its collection.
	 */
	@Override
	public void destroy() {
		stopping = true;
		replays.forEach(TopicReplay::wakeup);
		executor.close();
	}

	/**
	 * The rebuild's claim went to another (its lease ran out): it stops and writes
	 * nothing more.
	 */
	private static final class LostClaim extends RuntimeException {

	}

	/** The service stops. */
	private static final class Stopping extends RuntimeException {

	}

}
