package org.decoop.platform.aggregate;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.decoop.events.DecoopEvent;
import org.decoop.platform.domain.AggregateId;
import org.decoop.platform.domain.AggregateRoot;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.domain.StaleVersion;
import org.decoop.platform.idempotency.CommandIds;
import org.decoop.platform.outbox.AggregateStore;
import org.decoop.platform.outbox.OutboxDocument;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The one write path of every aggregate: load it, call an intention-revealing method on
 * it, save its new state and its events in ONE document write conditioned on the version
 * loaded ({@link AggregateStore}). A subclass only says how an aggregate maps to its
 * document.
 *
 * @param <A> the aggregate
 * @param <I> its typed id
 * @param <D> its stored document
 */
public abstract class AggregateRepository<A extends AggregateRoot<? extends DecoopEvent>, I extends AggregateId, D extends OutboxDocument> {

	/**
	 * Enough for every party of a plan signing at the same moment: each round one writer
	 * wins.
	 */
	static final int MAX_ATTEMPTS = 10;

	protected final MongoTemplate mongo;

	private final AggregateStore store;

	private final Class<D> documentType;

	private final String kind;

	private final Function<A, D> toDocument;

	private final Function<D, A> toDomain;

	/**
	 * @param kind what the aggregate is called in answers ("Plan")
	 * @param toDocument the aggregate's stored state (the document's version and outbox
	 * are the store's business)
	 */
	protected AggregateRepository(MongoTemplate mongo, AggregateStore store, Class<D> documentType, String kind,
			Function<A, D> toDocument, Function<D, A> toDomain) {
		this.mongo = mongo;
		this.store = store;
		this.documentType = documentType;
		this.kind = kind;
		this.toDocument = toDocument;
		this.toDomain = toDomain;
	}

	public Optional<A> find(I id) {
		return Optional.ofNullable(mongo.findById(id.value(), documentType)).map(toDomain);
	}

	/**
	 * @throws DoesNotExist when there is none
	 */
	public A get(I id) {
		return find(id).orElseThrow(() -> new DoesNotExist(kind, id.value()));
	}

	/**
	 * Stores a new aggregate with its first events and answers it. An aggregate stored
	 * already under its id is answered instead, and nothing is written: the same id only
	 * comes again from a command run again ({@link CommandIds}: its first run stored it,
	 * then its instance died before the answer was kept). Another duplicate key fails and
	 * writes nothing.
	 */
	public A add(A aggregate) {
		if (!aggregate.isNew()) {
			throw new IllegalArgumentException("%s %s is not new".formatted(kind, aggregate));
		}
		D document = toDocument.apply(aggregate);
		try {
			store.insert(document, aggregate.version(), aggregate.pullEvents(), aggregate.foreseenEvents());
		}
		catch (DuplicateKeyException duplicate) {
			D stored = mongo.findById(document.getId(), documentType);
			if (stored == null) {
				throw duplicate;
			}
			return toDomain.apply(stored);
		}
		aggregate.stored();
		return aggregate;
	}

	/**
	 * Saves what one command changed in a loaded aggregate, with its events, unless
	 * someone saved it since it was loaded. Saves nothing when nothing changed.
	 * @throws org.decoop.platform.domain.InvalidValue when an event it records or
	 * {@link AggregateRoot#foreseenEvents foresees} is larger than the broker takes
	 * (nothing is written)
	 * @throws OptimisticLockingFailureException when it changed meanwhile
	 */
	public A save(A aggregate) {
		if (aggregate.hasChanges()) {
			store.update(toDocument.apply(aggregate), aggregate.loadedVersion(), aggregate.version(),
					aggregate.pullEvents(), aggregate.foreseenEvents());
			aggregate.stored();
		}
		return aggregate;
	}

	/**
	 * Loads the aggregate, checks the version the caller expects, runs {@code command} on
	 * it and saves it. A lost race is final when the caller pinned a version
	 * ({@link StaleVersion}); else the command runs again on fresh state (where the
	 * aggregate decides again), a bounded number of times.
	 * @throws DoesNotExist when there is no such aggregate
	 */
	public A change(I id, ExpectedVersion expected, Consumer<A> command) {
		return retrying(expected, () -> {
			A aggregate = get(id);
			expected.check(kind, id, aggregate.version());
			command.accept(aggregate);
			return save(aggregate);
		});
	}

	/**
	 * Like {@link #change} with any version, for changes nobody asked for by id
	 * (choreography): none if it does not exist.
	 */
	public Optional<A> changeIfExists(I id, Consumer<A> command) {
		return retrying(ExpectedVersion.any(), () -> find(id).map(aggregate -> {
			command.accept(aggregate);
			return save(aggregate);
		}));
	}

	private <T> T retrying(ExpectedVersion expected, Supplier<T> attempt) {
		for (int round = 1;; round++) {
			try {
				return attempt.get();
			}
			catch (OptimisticLockingFailureException lostRace) {
				if (expected.pinned()) {
					throw new StaleVersion(Phrase.of("platform.changed-meanwhile", kind.toLowerCase(Locale.ROOT)));
				}
				if (round >= MAX_ATTEMPTS) {
					throw lostRace;
				}
			}
		}
	}

}
