package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The contract between a repository's queries and the indexes its documents declare: each
 * query, named, with the fields it asks for by equality then the fields it sorts on, and
 * the index a MongoDB answers it from. An index serves such a query when its keys start
 * with those fields in that order, so the page is read from the index, not sorted from
 * the collection.
 */
public final class QueryIndexes {

	/**
	 * One query of a repository: what it filters on by equality, what it sorts on
	 * ({@code "-seq"}: descending), the index that answers it.
	 */
	public record Query(String name, List<String> equalities, List<String> sorts, String index) {

		public static Query of(String name, String index, List<String> equalities, String... sorts) {
			return new Query(name, equalities, List.of(sorts), index);
		}
	}

	/**
	 * One in-process wire server for the checks of a JVM, started on first use; each
	 * check has a database of its own.
	 */
	private static final class Store {

		static final MongoClient CLIENT = start();

		private static MongoClient start() {
			MongoServer server = new MongoServer(new MemoryBackend());
			server.bind();
			MongoClient client = MongoClients.create(server.getConnectionString());
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				client.close();
				server.shutdownNow();
			}, "query-indexes-store-stop"));
			return client;
		}

	}

	private QueryIndexes() {
	}

	/**
	 * {@link #assertServed(MongoTemplate, Class, List)} on a fresh database of an
	 * in-process MongoDB wire server.
	 */
	public static void assertServed(Class<?> document, Query... queries) {
		assertServed(new MongoTemplate(Store.CLIENT, "indexes_" + UUID.randomUUID().toString().replace("-", "")),
				document, List.of(queries));
	}

	private static String field(String sort) {
		return sort.startsWith("-") ? sort.substring(1) : sort;
	}

	/**
	 * Creates the indexes {@code document} declares, then checks that each query's index
	 * exists and serves it.
	 */
	public static void assertServed(MongoTemplate mongo, Class<?> document, List<Query> queries) {
		new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext()).resolveIndexFor(document)
			.forEach(index -> mongo.indexOps(document).createIndex(index));
		List<IndexInfo> declared = mongo.indexOps(document).getIndexInfo();
		for (Query query : queries) {
			IndexInfo index = declared.stream()
				.filter(info -> info.getName().equals(query.index()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("%s: no index named %s on %s, only %s".formatted(query.name(),
						query.index(), document.getSimpleName(), declared.stream().map(IndexInfo::getName).toList())));
			List<String> wanted = new ArrayList<>(query.equalities());
			query.sorts().stream().map(QueryIndexes::field).forEach(wanted::add);
			List<String> keys = index.getIndexFields().stream().map(IndexField::getKey).toList();
			assertThat(keys).as("%s is answered by index %s", query.name(), query.index())
				.startsWith(wanted.toArray(String[]::new));
			// MongoDB walks an index either way: the sort's directions must all match the
			// index's, or all be reversed
			List<Boolean> sortAscending = query.sorts().stream().map(sort -> !sort.startsWith("-")).toList();
			List<Boolean> indexAscending = index.getIndexFields()
				.subList(query.equalities().size(), wanted.size())
				.stream()
				.map(field -> field.getDirection() != Sort.Direction.DESC)
				.toList();
			List<Boolean> reversed = indexAscending.stream().map(ascending -> !ascending).toList();
			if (!sortAscending.equals(indexAscending) && !sortAscending.equals(reversed)) {
				throw new AssertionError("%s: the sort %s cannot be read from index %s (%s) in one direction"
					.formatted(query.name(), query.sorts(), query.index(), index.getIndexFields()));
			}
		}
	}

}
