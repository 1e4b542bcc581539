package org.decoop.platform.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * A unique index on {@code {_id, version}} for the collections written with optimistic
 * locking (aggregates and read models), made by {@link StartupIndexes} only where the
 * store asks for it: MongoDB answers {@code {_id: x, version: n}} from the {@code _id}
 * index alone (see docs/performance.md for the store that needs it).
 */
public final class VersionIndex {

	public static final String NAME = "_id_version";

	private VersionIndex() {
	}

	/** The index itself: unique on {@code {_id: 1, version: 1}}, named {@value #NAME}. */
	public static IndexDefinition definition() {
		return new CompoundIndexDefinition(new Document("_id", 1).append("version", 1)).unique().named(NAME);
	}

}
