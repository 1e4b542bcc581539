package org.decoop.platform.readmodel;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.decoop.platform.domain.StateConflict;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The rebuilds of the read models, kept in their pointer documents ({@code read_models},
 * see {@link ReadModelPointers}): {@code generation} counts the rebuilds, {@code rebuild}
 * holds the latest one (its claim, lease and progress). One rebuild per read model across
 * instances: a claim is a write conditioned on the generation it read and on no live
 * lease; every later write of a rebuild is conditioned on its id, so a rebuild that lost
 * its claim changes nothing.
 */
class RebuildLedger {

	static final String RUNNING = "RUNNING";
	static final String FINISHED = "FINISHED";
	static final String FAILED = "FAILED";
	static final String INTERRUPTED = "INTERRUPTED";

	private final MongoTemplate mongo;

	RebuildLedger(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A claimed rebuild: fill {@code target}, then switch {@code name} from
	 * {@code previous} to it. {@code leftover}: the collection an abandoned rebuild was
	 * filling, to drop.
	 */
	record Claim(String name, String id, String target, String previous, @Nullable String leftover) {
	}

	Optional<Document> pointer(String name) {
		return Optional.ofNullable(mongo.findById(name, Document.class, ReadModelPointers.COLLECTION));
	}

	/**
	 * Claims the next rebuild of {@code name}, unless one is running (its lease not run
	 * out): then a {@link StateConflict}.
	 */
	Claim claim(String name, String id, String by, Instant now, Instant leaseUntil) {
		Document pointer = pointer(name).orElseGet(() -> create(name));
		Document latest = pointer.get("rebuild", Document.class);
		if (latest != null && RUNNING.equals(latest.getString("state"))
				&& latest.getDate("leaseUntil").toInstant().isAfter(now)) {
			throw running(name, latest);
		}
		long generation = ((Number) pointer.getOrDefault("generation", 0L)).longValue() + 1;
		String previous = pointer.getString("collection");
		String target = name + "_r" + generation;
		Document rebuild = new Document("id", id).append("state", RUNNING)
			.append("target", target)
			.append("by", by)
			.append("startedAt", Date.from(now))
			.append("leaseUntil", Date.from(leaseUntil))
			.append("eventsRead", 0L)
			.append("eventsSkipped", 0L);
		Query unchanged = Query.query(Criteria.where("_id").is(name).and("generation").is(generation - 1));
		Document claimed = mongo.findAndModify(unchanged,
				new Update().set("generation", generation).set("rebuild", rebuild),
				FindAndModifyOptions.options().returnNew(true), Document.class, ReadModelPointers.COLLECTION);
		if (claimed == null) {
			throw running(name, pointer(name).map(found -> found.get("rebuild", Document.class)).orElse(null));
		}
		String leftover = latest == null || previous.equals(latest.getString("target")) ? null
				: latest.getString("target");
		return new Claim(name, id, target, previous, leftover);
	}

	/**
	 * Records progress and extends the lease; false when the rebuild is no longer this
	 * one's.
	 */
	boolean progress(Claim claim, long eventsRead, long eventsSkipped, long lag, Instant leaseUntil) {
		return mine(claim,
				new Update().set("rebuild.eventsRead", eventsRead)
					.set("rebuild.eventsSkipped", eventsSkipped)
					.set("rebuild.lag", lag)
					.set("rebuild.leaseUntil", Date.from(leaseUntil)));
	}

	/**
	 * Points the read model at the rebuilt collection; false when the rebuild is no
	 * longer this one's.
	 */
	boolean switchTo(Claim claim, Instant at) {
		return mine(claim,
				new Update().set("collection", claim.target())
					.set("rebuild.previous", claim.previous())
					.set("rebuild.switchedAt", Date.from(at)));
	}

	void end(Claim claim, String state, Instant at, @Nullable String failure) {
		Update end = new Update().set("rebuild.state", state).set("rebuild.finishedAt", Date.from(at));
		if (failure != null) {
			end.set("rebuild.failure", failure);
		}
		if (FINISHED.equals(state)) {
			end.set("rebuild.lag", 0L);
		}
		mine(claim, end);
	}

	private boolean mine(Claim claim, Update update) {
		Query mine = Query.query(Criteria.where("_id").is(claim.name()).and("rebuild.id").is(claim.id()));
		return mongo.updateFirst(mine, update, ReadModelPointers.COLLECTION).getMatchedCount() > 0;
	}

	/** The pointer of a read model never rebuilt: its own collection, generation 0. */
	private Document create(String name) {
		Document pointer = new Document("_id", name).append("collection", name).append("generation", 0L);
		try {
			mongo.insert(pointer, ReadModelPointers.COLLECTION);
			return pointer;
		}
		catch (DuplicateKeyException anotherInstanceCreatedIt) {
			return pointer(name).orElseThrow();
		}
	}

	private static StateConflict running(String name, @Nullable Document rebuild) {
		return new StateConflict(rebuild == null ? "A rebuild of the read model %s is running".formatted(name)
				: "A rebuild of the read model %s is running, started by %s at %s".formatted(name,
						rebuild.getString("by"), rebuild.getDate("startedAt").toInstant()));
	}

}
