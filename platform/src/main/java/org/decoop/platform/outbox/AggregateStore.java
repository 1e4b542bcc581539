package org.decoop.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.decoop.events.DecoopEvent;
import org.decoop.platform.domain.AggregateRoot;
import org.decoop.platform.domain.InvalidValue;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.util.unit.DataSize;

import com.mongodb.client.result.UpdateResult;

/**
 * Writes an aggregate's new state and the events it caused in ONE single-document write:
 * an insert for a new aggregate, else an update conditioned on the version the caller
 * read. The update sets the state fields and appends to the outbox; it never replaces the
 * outbox, so events the relay removed meanwhile are not written back, and a stale version
 * writes nothing at all (no state, no events).
 * <p>
 * It is also where an event too large for the broker is refused, for every aggregate:
 * written, it could never be published (the relay would park it).
 */
public class AggregateStore {

	/**
	 * Far below what fills a 16 MiB document, far above what a broker outage of hours
	 * leaves on one aggregate.
	 */
	public static final int DEFAULT_MAX_PENDING_EVENTS = 1000;

	/**
	 * The producers' max.request.size and the broker's message.max.bytes (1 MB by
	 * default), less the headers.
	 */
	public static final DataSize DEFAULT_MAX_EVENT_SIZE = DataSize.ofKilobytes(900);

	private static final List<String> NOT_STATE = List.of("_id", "_class", OutboxDocument.VERSION,
			OutboxDocument.OUTBOX, OutboxDocument.PARKED);

	private final MongoTemplate mongo;

	private final EventSerializer serializer;

	private final OutboxWakeups wakeups;

	private final int maxPendingEvents;

	private final long maxEventBytes;

	/**
	 * The state fields of each document class: what an update sets, or unsets when the
	 * aggregate cleared it.
	 */
	private final Map<Class<?>, List<String>> stateFields = new ConcurrentHashMap<>();

	public AggregateStore(MongoTemplate mongo, EventSerializer serializer) {
		this(mongo, serializer, new OutboxWakeups());
	}

	/**
	 * @param wakeups told of every write with events, so the relay publishes them at once
	 */
	public AggregateStore(MongoTemplate mongo, EventSerializer serializer, OutboxWakeups wakeups) {
		this(mongo, serializer, wakeups, DEFAULT_MAX_PENDING_EVENTS);
	}

	/**
	 * @param maxPendingEvents the most unpublished events one aggregate may hold (see
	 * {@link OutboxFull})
	 */
	public AggregateStore(MongoTemplate mongo, EventSerializer serializer, OutboxWakeups wakeups,
			int maxPendingEvents) {
		this(mongo, serializer, wakeups, maxPendingEvents, DEFAULT_MAX_EVENT_SIZE);
	}

	/**
	 * @param maxEventSize the largest event the broker takes
	 * ({@code decoop.outbox.max-event-size})
	 */
	public AggregateStore(MongoTemplate mongo, EventSerializer serializer, OutboxWakeups wakeups, int maxPendingEvents,
			DataSize maxEventSize) {
		this.mongo = mongo;
		this.serializer = serializer;
		this.wakeups = wakeups;
		this.maxPendingEvents = maxPendingEvents;
		this.maxEventBytes = maxEventSize.toBytes();
	}

	/**
	 * Inserts a new aggregate at {@code version} with its first events. A duplicate id
	 * fails and writes nothing.
	 */
	public <T extends OutboxDocument> T insert(T document, long version, List<? extends DecoopEvent> events) {
		return insert(document, version, events, List.of());
	}

	/**
	 * Like {@link #insert(OutboxDocument, long, List)}, refusing also an aggregate whose
	 * {@code foreseen} events would be larger than the broker takes.
	 * @throws InvalidValue when an event is larger than the broker takes (nothing is
	 * written)
	 */
	public <T extends OutboxDocument> T insert(T document, long version, List<? extends DecoopEvent> events,
			List<? extends AggregateRoot.Foreseen<? extends DecoopEvent>> foreseen) {
		List<OutboxEvent> entries = serializer.toOutbox(events);
		requirePublishable(entries, foreseen);
		document.setVersion(version);
		document.setOutbox(entries);
		T inserted = mongo.insert(document);
		if (!events.isEmpty()) {
			wakeups.written(mongo.getCollectionName(document.getClass()), document.getId());
		}
		return inserted;
	}

	/**
	 * Saves the state of an aggregate read at {@code expectedVersion} as
	 * {@code newVersion} (the aggregate counts its versions) and appends its events.
	 * @throws OptimisticLockingFailureException when someone else changed it since
	 */
	public <T extends OutboxDocument> T update(T document, long expectedVersion, long newVersion,
			List<? extends DecoopEvent> events) {
		return update(document, expectedVersion, newVersion, events, List.of());
	}

	/**
	 * Like {@link #update(OutboxDocument, long, long, List)}, refusing also a change that
	 * makes the aggregate's {@code foreseen} events larger than the broker takes.
	 * @throws InvalidValue when an event is larger than the broker takes (nothing is
	 * written)
	 * @throws OptimisticLockingFailureException when someone else changed it since
	 */
	public <T extends OutboxDocument> T update(T document, long expectedVersion, long newVersion,
			List<? extends DecoopEvent> events,
			List<? extends AggregateRoot.Foreseen<? extends DecoopEvent>> foreseen) {
		List<OutboxEvent> entries = serializer.toOutbox(events);
		requirePublishable(entries, foreseen);
		Document state = new Document();
		mongo.getConverter().write(document, state);
		NOT_STATE.forEach(state::remove);

		Update update = new Update();
		state.forEach(update::set);
		// The converter leaves null fields out: a field the aggregate cleared is removed,
		// not left as it was.
		stateFieldsOf(document.getClass()).stream().filter(field -> !state.containsKey(field)).forEach(update::unset);
		update.set(OutboxDocument.VERSION, newVersion);
		if (!entries.isEmpty()) {
			update.push(OutboxDocument.OUTBOX).each(entries.toArray());
		}

		String collection = mongo.getCollectionName(document.getClass());
		if (!entries.isEmpty()) {
			refuseBeyondBound(collection, document.getId(), entries.size());
		}
		Query current = Query
			.query(Criteria.where("_id").is(document.getId()).and(OutboxDocument.VERSION).is(expectedVersion));
		UpdateResult result = mongo.updateFirst(current, update, document.getClass(), collection);
		if (result.getMatchedCount() == 0) {
			throw new OptimisticLockingFailureException("%s %s was changed concurrently (expected version %d)"
				.formatted(document.getClass().getSimpleName(), document.getId(), expectedVersion));
		}
		document.setVersion(newVersion);
		if (!entries.isEmpty()) {
			wakeups.written(collection, document.getId());
		}
		return document;
	}

	/**
	 * Refuses events, recorded now or foreseen, that are larger on the wire than the
	 * broker takes.
	 */
	private void requirePublishable(List<OutboxEvent> entries,
			List<? extends AggregateRoot.Foreseen<? extends DecoopEvent>> foreseen) {
		for (OutboxEvent entry : entries) {
			Optional<String> tooLarge = tooLarge(entry);
			if (tooLarge.isPresent()) {
				throw new InvalidValue(tooLarge.get());
			}
		}
		for (AggregateRoot.Foreseen<? extends DecoopEvent> event : foreseen) {
			Optional<String> tooLarge = tooLarge(serializer.toOutbox(event.event()));
			if (tooLarge.isPresent()) {
				throw new InvalidValue(event.field(), tooLarge.get());
			}
		}
	}

	/**
	 * Why {@code entry} cannot be published: it is larger on the wire than the broker
	 * takes.
	 */
	private Optional<String> tooLarge(OutboxEvent entry) {
		long size = entry.data().getBytes(StandardCharsets.UTF_8).length;
		if (size <= maxEventBytes) {
			return Optional.empty();
		}
		String type = entry.type().substring(entry.type().lastIndexOf('.') + 1);
		return Optional.of("its %s would be %d bytes on the wire, more than the %d the broker takes: split it"
			.formatted(type, size, maxEventBytes));
	}

	/**
	 * Refuses events that would leave more than {@code maxPendingEvents} unpublished on
	 * the aggregate. A read by id of the pending event ids, before the conditional write:
	 * two concurrent commands may pass it together, so the bound holds give or take one
	 * command's events.
	 */
	private void refuseBeyondBound(String collection, String id, int adding) {
		Query pending = Query.query(Criteria.where("_id").is(id));
		pending.fields().include(OutboxDocument.OUTBOX + ".eventId");
		Document stored = mongo.findOne(pending, Document.class, collection);
		int waiting = stored == null ? 0 : stored.getList(OutboxDocument.OUTBOX, Object.class, List.of()).size();
		if (waiting + adding > maxPendingEvents) {
			throw new OutboxFull(
					"%d events of %s %s wait to be published (at most %d): the broker is unreachable; try again later"
						.formatted(waiting, collection, id, maxPendingEvents));
		}
	}

	private List<String> stateFieldsOf(Class<?> type) {
		return stateFields.computeIfAbsent(type, documentType -> {
			List<String> fields = new ArrayList<>();
			mongo.getConverter().getMappingContext().getRequiredPersistentEntity(documentType).forEach(property -> {
				if (!NOT_STATE.contains(property.getFieldName()) && !property.isVersionProperty()) {
					fields.add(property.getFieldName());
				}
			});
			return List.copyOf(fields);
		});
	}

}
