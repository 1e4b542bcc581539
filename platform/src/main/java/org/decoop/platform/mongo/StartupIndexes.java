package org.decoop.platform.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.decoop.platform.StartupWork;
import org.decoop.platform.outbox.OutboxDocument;
import org.decoop.platform.readmodel.VersionedReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Creates the indexes every stored document declares once, at start, before the service
 * takes a request or a record (Spring's lazy auto-index-creation is off: it would build
 * an index inside the first request that touches a class, and never try again if that
 * failed). Each collection first loses the indexes its document lists as
 * {@link RetiredIndexes}.
 *
 * <p>
 * The unique {@code _id_version} index of the aggregates and the read models
 * ({@link VersionedReadModels}) is created only where it is asked for
 * ({@code decoop.mongo.version-index}, see docs/performance.md): MongoDB serves the
 * conditional write {@code {_id, version}} from its {@code _id} index, so there it is
 * dropped as waste.
 */
public final class StartupIndexes extends StartupWork {

	/**
	 * The name of the unique {@code {_id, version}} index of the aggregate collections.
	 */
	public static final String VERSION_INDEX = VersionIndex.NAME;

	private static final Logger LOG = LoggerFactory.getLogger(StartupIndexes.class);

	private final MongoTemplate mongo;

	private final boolean versionIndex;

	private final VersionedReadModels readModels;

	public StartupIndexes(MongoTemplate mongo, boolean versionIndex) {
		this(mongo, versionIndex, new VersionedReadModels(mongo));
	}

	public StartupIndexes(MongoTemplate mongo, boolean versionIndex, VersionedReadModels readModels) {
		this.mongo = mongo;
		this.versionIndex = versionIndex;
		this.readModels = readModels;
	}

	/**
	 * Every document class the mapping knows of at start (Spring Boot scans the
	 * {@code @Document} classes), and the collection of every read model made by then
	 * (all singletons are).
	 */
	@Override
	protected void setUp() {
		mongo.getConverter()
			.getMappingContext()
			.getPersistentEntities()
			.stream()
			.filter(entity -> entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class))
			.map(MongoPersistentEntity::getType)
			.forEach(this::create);
		readModels.collections().forEach(this::createReadModel);
	}

	/**
	 * The read model's {@code _id_version} where the store asks for it; else an existing
	 * one is dropped.
	 */
	public void createReadModel(String collection) {
		IndexOperations indexes = mongo.indexOps(collection);
		if (versionIndex) {
			indexes.createIndex(VersionIndex.definition());
		}
		else if (mongo.collectionExists(collection)
				&& indexes.getIndexInfo().stream().anyMatch(index -> index.getName().equals(VERSION_INDEX))) {
			LOG.info("Dropping the retired index {} of {}", VERSION_INDEX, collection);
			indexes.dropIndex(VERSION_INDEX);
		}
	}

	/**
	 * Drops the retired indexes of {@code document}'s collection, then creates those it
	 * declares.
	 */
	public void create(Class<?> document) {
		IndexOperations indexes = mongo.indexOps(document);
		Set<String> existing = indexes.getIndexInfo().stream().map(IndexInfo::getName).collect(Collectors.toSet());
		RetiredIndexes retired = document.getAnnotation(RetiredIndexes.class);
		List<String> toDrop = new ArrayList<>(retired == null ? List.of() : List.of(retired.value()));
		boolean aggregate = OutboxDocument.class.isAssignableFrom(document);
		if (aggregate && !versionIndex) {
			toDrop.add(VERSION_INDEX);
		}
		for (String name : toDrop) {
			if (existing.contains(name)) {
				LOG.info("Dropping the retired index {} of {}", name, mongo.getCollectionName(document));
				indexes.dropIndex(name);
			}
		}
		new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext()).resolveIndexFor(document)
			.forEach(indexes::createIndex);
		if (aggregate && versionIndex) {
			indexes.createIndex(VersionIndex.definition());
		}
	}

}
