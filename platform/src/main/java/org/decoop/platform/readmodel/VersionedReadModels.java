package org.decoop.platform.readmodel;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Makes the service's {@link VersionedReadModel}s and remembers their collections, so
 * that {@link org.decoop.platform.mongo.StartupIndexes} gives them the same indexes at
 * start as the aggregate collections (a read model builds none itself, never inside a
 * request).
 */
public final class VersionedReadModels {

	private final MongoTemplate mongo;

	private final Set<String> collections = ConcurrentHashMap.newKeySet();

	private final Map<String, ReadModelPointers> followed = new ConcurrentHashMap<>();

	public VersionedReadModels(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The read model kept in {@code collection}. */
	public VersionedReadModel of(String collection) {
		collections.add(collection);
		return new VersionedReadModel(mongo, () -> collection);
	}

	/**
	 * The rebuildable read model {@code name}, in the collection its pointer names at
	 * each write (its own name until a rebuild switches it); the collection active now
	 * gets the indexes at start.
	 */
	public VersionedReadModel following(ReadModelPointers pointers, String name) {
		// its pointer is read when the indexes are made (at start), not while the beans
		// are: a context refreshed without starting needs no store
		followed.put(name, pointers);
		return new VersionedReadModel(mongo, () -> pointers.active(name));
	}

	/**
	 * The collections of the read models made so far (a rebuildable one's active
	 * collection now).
	 */
	public Set<String> collections() {
		Set<String> all = new HashSet<>(collections);
		followed.forEach((name, pointers) -> all.add(pointers.active(name)));
		return Set.copyOf(all);
	}

}
