package org.decoop.platform.readmodel;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which collection holds each read model now: a small document per read model in
 * {@code read_models} ({@code {_id: name, collection}}), switched by a rebuild
 * ({@link ReadModelRebuilds}). A read model never rebuilt has no pointer and lives in the
 * collection of its own name. Each instance keeps what it read for {@code refresh}, so
 * that reads and writes do not ask twice; a rebuild waits as long after its switch.
 */
public final class ReadModelPointers {

	static final String COLLECTION = "read_models";

	private final MongoTemplate mongo;

	private final long refreshNanos;

	private final Map<String, Known> known = new ConcurrentHashMap<>();

	private record Known(String collection, long readAt) {
	}

	public ReadModelPointers(MongoTemplate mongo, Duration refresh) {
		this.mongo = mongo;
		this.refreshNanos = refresh.toNanos();
	}

	/** The collection that holds read model {@code name} now. */
	public String active(String name) {
		long now = System.nanoTime();
		Known cached = known.get(name);
		if (cached != null && now - cached.readAt() < refreshNanos) {
			return cached.collection();
		}
		Document pointer = mongo.findById(name, Document.class, COLLECTION);
		String collection = pointer == null || pointer.getString("collection") == null ? name
				: pointer.getString("collection");
		known.put(name, new Known(collection, now));
		return collection;
	}

	/** This instance switched {@code name} itself: no need to wait for the next read. */
	void switched(String name, String collection) {
		known.put(name, new Known(collection, System.nanoTime()));
	}

	Duration refresh() {
		return Duration.ofNanos(refreshNanos);
	}

}
