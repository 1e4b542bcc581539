package org.decoop.platform.readmodel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A service's own copy of another service's aggregates, kept from their events: one
 * document per aggregate, written only by an event newer than what is stored (by the
 * aggregate's version, which the events carry). Duplicates and out-of-order deliveries
 * therefore leave the newest state in place, and no processed-event log is needed.
 * Writing an event twice is harmless, which is what lets a rebuild
 * ({@link ReadModelRebuilds}) replay a topic over what the live consumer wrote. Made by
 * {@link VersionedReadModels}, whose collections get their indexes at start.
 */
public final class VersionedReadModel {

	/** The field that holds the aggregate's version in each document. */
	public static final String VERSION = "version";

	private final MongoTemplate mongo;

	private final Supplier<String> collection;

	/**
	 * The read model kept in the collection {@code collection} names at each write (a
	 * rebuild's pointer may move it).
	 */
	VersionedReadModel(MongoTemplate mongo, Supplier<String> collection) {
		this.mongo = mongo;
		this.collection = collection;
	}

	/**
	 * Stores {@code state} as version {@code version} of aggregate {@code id}, unless the
	 * same or a newer version is already stored. Reads the stored version by id, then
	 * writes conditioned on exactly that version (answered from the {@code _id} index); a
	 * concurrent writer makes it read again.
	 */
	public void apply(String id, long version, Update state) {
		String collection = this.collection.get();
		state.set(VERSION, version);
		while (true) {
			Query byId = Query.query(Criteria.where("_id").is(id));
			byId.fields().include(VERSION);
			Document stored = mongo.findOne(byId, Document.class, collection);
			Long storedVersion = stored == null || stored.get(VERSION) == null ? null
					: ((Number) stored.get(VERSION)).longValue();
			if (storedVersion != null && storedVersion >= version) {
				return;
			}
			try {
				if (stored == null) {
					// inserts, unless another writer inserted meanwhile (a duplicate _id:
					// read again)
					mongo.upsert(Query.query(Criteria.where("_id").is(id).and(VERSION).is(version)), state, collection);
					return;
				}
				Query unchanged = Query.query(Criteria.where("_id").is(id).and(VERSION).is(storedVersion));
				if (mongo.updateFirst(unchanged, state, collection).getMatchedCount() > 0) {
					return;
				}
			}
			catch (DuplicateKeyException anotherWriterInserted) {
				// read again
			}
		}
	}

	public Optional<Document> byId(String id) {
		return Optional.ofNullable(mongo.findById(id, Document.class, collection.get()));
	}

	public List<Document> byIds(Collection<String> ids) {
		return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection.get());
	}

}
