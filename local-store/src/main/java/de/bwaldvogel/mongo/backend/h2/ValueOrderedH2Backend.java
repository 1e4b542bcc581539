package de.bwaldvogel.mongo.backend.h2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * mongo-java-server's H2 backend, without Java serialization on its hot paths (profiled:
 * most of the store's CPU in the stock backend):
 * <ul>
 * <li>Unique indexes ordered by value. The stock backend opens each index as an H2 map of
 * {@link KeyValue} keys, which are not {@link Comparable}: H2 then orders them by their
 * Java-serialized bytes, so every comparison of a B-tree lookup serializes both keys, and
 * even a find by {@code _id} goes through the {@code _id} index. Here keys compare value
 * by value, as MongoDB orders them. Index maps written by the stock backend are put in
 * this order once, when first opened.</li>
 * <li>Documents stored as BSON (mongo-java-server's own wire encoder) instead of
 * Java-serialized; documents the stock backend wrote are still read, and written as BSON
 * when they change.</li>
 * </ul>
 *
 * <p>
 * It lives in mongo-java-server's package because the index class it builds on is
 * package-private, and it writes a type tag of its own beside H2's: it is written against
 * exactly {@value #MONGO_JAVA_SERVER} and H2 {@value #H2} (local-store's enforcer rule
 * and {@code MongoJavaServerVersionTest} fail on any other).
 */
public class ValueOrderedH2Backend extends H2Backend {

	/** The mongo-java-server whose package-private H2 classes this extends. */
	public static final String MONGO_JAVA_SERVER = "1.47.0";

	/** The H2 whose type tags end below {@link BsonValues}' own tag. */
	public static final String H2 = "2.4.240";

	/** The index maps already in value order (a map in the same store file). */
	private static final String ORDERED_INDEXES = "decoop.value-ordered-indexes";

	/**
	 * The store in {@code fileName}, caching up to {@code cacheMegabytes} of its pages
	 * (H2's default: 16).
	 */
	public ValueOrderedH2Backend(String fileName, int cacheMegabytes) {
		super(new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).open());
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName);
	}

	/**
	 * An inner class: the outer store is reachable while H2Database's constructor opens
	 * the indexes.
	 */
	private final class Database extends H2Database {

		Database(String databaseName) {
			super(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String namespace = getFullCollectionNamespace(collectionName);
			MVStore store = getMvStore();
			MVMap<Object, Document> documents = store.openMap(DATABASES_PREFIX + namespace,
					new MVMap.Builder<Object, Document>().valueType(new BsonValues()));
			return new H2Collection(this, collectionName, options, documents, store.openMap("meta." + namespace),
					cursorRegistry);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return new H2UniqueIndex(openIndexMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName),
					indexName, keys, sparse);
		}

	}

	private MVMap<KeyValue, Object> openIndexMap(String name) {
		MVStore store = getMvStore();
		MVMap<KeyValue, Object> index = store.openMap(name,
				new MVMap.Builder<KeyValue, Object>().keyType(new ValueOrder()));
		MVMap<String, Boolean> ordered = store.openMap(ORDERED_INDEXES);
		if (!ordered.containsKey(name)) {
			// Written in serialized-bytes order: walking it needs no comparison; put it
			// back in value order.
			List<Map.Entry<KeyValue, Object>> entries = new ArrayList<>(index.entrySet());
			index.clear();
			entries.forEach(entry -> index.put(entry.getKey(), entry.getValue()));
			ordered.put(name, Boolean.TRUE);
		}
		return index;
	}

	/**
	 * Documents, and index keys as documents of their values, as BSON; anything else, and
	 * what the stock backend wrote, as H2 stores it.
	 */
	static class BsonValues extends ObjectDataType {

		/** A tag H2's own encoding never starts with (its tags end at 119). */
		private static final byte BSON = 127;

		@Override
		public void write(WriteBuffer buffer, Object value) {
			Optional<ByteBuf> encoded = value instanceof Document stored ? encoded(stored)
					: value instanceof KeyValue key ? encoded(documentOf(key)) : Optional.empty();
			if (encoded.isEmpty()) {
				super.write(buffer, value);
				return;
			}
			ByteBuf bson = encoded.get();
			try {
				if (value instanceof Document) {
					averageSize = (bson.readableBytes() * 2 + averageSize * 14) / 16; // Java
																						// objects
																						// take
																						// about
																						// twice
																						// their
																						// BSON
				}
				buffer.put(BSON).put(bson.nioBuffer());
			}
			finally {
				bson.release();
			}
		}

		/**
		 * The size of the documents written lately: what H2 sizes its pages and its cache
		 * by.
		 */
		private volatile int averageSize = 256;

		@Override
		public int getMemory(Object value) {
			if (value instanceof Document) {
				return averageSize;
			}
			return value instanceof KeyValue key ? 32 + 48 * key.size() : super.getMemory(value);
		}

		@Override
		public Object read(ByteBuffer buffer) {
			if (buffer.get(buffer.position()) != BSON) {
				return super.read(buffer);
			}
			int start = buffer.position() + 1;
			int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
			Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
			buffer.position(start + length);
			return document.get(KEY_MARK) instanceof Number size ? keyOf(document, size.intValue()) : document;
		}

		/**
		 * Marks a document that holds an index key's values ("0", "1", ...): no stored
		 * document has this field.
		 */
		private static final String KEY_MARK = "$decoopKey";

		private static Document documentOf(KeyValue key) {
			Document document = new Document(KEY_MARK, key.size());
			for (int i = 0; i < key.size(); i++) {
				document.put(Integer.toString(i), key.get(i));
			}
			return document;
		}

		private static KeyValue keyOf(Document document, int size) {
			List<Object> values = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				values.add(document.get(Integer.toString(i)));
			}
			return new KeyValue(values);
		}

		/**
		 * The BSON of a document, empty when a value has no BSON form (then H2 stores it
		 * its own way).
		 */
		private static Optional<ByteBuf> encoded(Document document) {
			ByteBuf bson = Unpooled.buffer(256);
			try {
				BsonEncoder.encodeDocument(document, bson);
				return Optional.of(bson);
			}
			catch (RuntimeException noBsonForm) {
				bson.release();
				return Optional.empty();
			}
		}

	}

	/** Index keys stored as BSON, compared as values instead of as serialized bytes. */
	static final class ValueOrder extends BsonValues {

		private static final ValueComparator VALUES = ValueComparator.asc();

		@Override
		public int compare(Object a, Object b) {
			if (a instanceof KeyValue left && b instanceof KeyValue right) {
				for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
					int order = VALUES.compare(left.get(i), right.get(i));
					if (order != 0) {
						return order;
					}
				}
				return Integer.compare(left.size(), right.size());
			}
			return super.compare(a, b);
		}

	}

}
