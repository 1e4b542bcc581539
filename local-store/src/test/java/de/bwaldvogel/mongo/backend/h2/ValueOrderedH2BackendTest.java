package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The local stack's store: what the stock H2 backend does, and the files it wrote, with
 * no Java serialization.
 */
class ValueOrderedH2BackendTest {

	@TempDir
	Path directory;

	private static final Document PARTNERSHIP = new Document("version", 0L)
		.append("partners",
				List.of(new Document("id", "a").append("name", "Grad Čačak"),
						new Document("id", "b").append("name", "Ville de Dijon")))
		.append("since", 2005)
		.append("amount", new Decimal128(new java.math.BigDecimal("12500.50")))
		.append("establishedAt", java.util.Date.from(Instant.parse("2026-11-27T10:15:30Z")))
		.append("note", null);

	@Test
	void findsUpdatesAndRefusesDuplicatesThroughItsIndexes() {
		with(new ValueOrderedH2Backend(file(), 16), partnerships -> {
			partnerships.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
			partnerships.createIndex(Indexes.ascending("subscriptionId", "seq"), new IndexOptions().unique(true));
			insertPartnerships(partnerships, 500);

			assertThat(partnerships.find(Filters.eq("_id", "p-42")).first()).containsEntry("since", 2005)
				.containsEntry("partners", PARTNERSHIP.get("partners"))
				.containsEntry("amount", PARTNERSHIP.get("amount"))
				.containsEntry("establishedAt", PARTNERSHIP.get("establishedAt"))
				.containsEntry("note", null);
			// the optimistic write: matched at the version read, refused at a stale one
			assertThat(partnerships
				.updateOne(new Document("_id", "p-42").append("version", 0L), Updates.set("version", 1L))
				.getModifiedCount()).isEqualTo(1);
			assertThat(partnerships
				.updateOne(new Document("_id", "p-42").append("version", 0L), Updates.set("version", 1L))
				.getModifiedCount()).isZero();
			assertThat(partnerships.find(new Document("subscriptionId", "s-1").append("seq", 7L)).first())
				.containsEntry("_id", "p-7");
			assertThatThrownBy(() -> partnerships.insertOne(new Document("_id", "p-43")))
				.isInstanceOf(MongoWriteException.class);
			assertThatThrownBy(() -> partnerships
				.insertOne(new Document("_id", "other").append("subscriptionId", "s-1").append("seq", 7L)))
				.isInstanceOf(MongoWriteException.class);
		});

		with(new ValueOrderedH2Backend(file(), 16), reopened -> {
			assertThat(reopened.countDocuments()).isEqualTo(500);
			assertThat(reopened.find(Filters.eq("_id", "p-42")).first()).containsEntry("version", 1L);
			assertThatThrownBy(() -> reopened.insertOne(new Document("_id", "p-499")))
				.isInstanceOf(MongoWriteException.class);
		});
	}

	@Test
	void readsAndIndexesWhatTheStockBackendWrote() {
		with(new H2Backend(file()), partnerships -> {
			partnerships.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
			partnerships.createIndex(Indexes.ascending("subscriptionId", "seq"), new IndexOptions().unique(true));
			insertPartnerships(partnerships, 300);
		});

		with(new ValueOrderedH2Backend(file(), 16), partnerships -> {
			assertThat(partnerships.countDocuments()).isEqualTo(300);
			IntStream.of(0, 17, 150, 299).forEach(i -> {
				assertThat(partnerships.find(Filters.eq("_id", "p-" + i)).first()).containsEntry("seq", (long) i)
					.containsEntry("partners", PARTNERSHIP.get("partners"));
				assertThat(partnerships.find(new Document("subscriptionId", "s-1").append("seq", (long) i)).first())
					.isNotNull();
			});
			assertThat(partnerships
				.updateOne(new Document("_id", "p-150").append("version", 0L), Updates.set("version", 1L))
				.getModifiedCount()).isEqualTo(1);
			assertThatThrownBy(() -> partnerships.insertOne(new Document("_id", "p-200")))
				.isInstanceOf(MongoWriteException.class);
			assertThatThrownBy(() -> partnerships
				.insertOne(new Document("_id", "x").append("subscriptionId", "s-1").append("seq", 200L)))
				.isInstanceOf(MongoWriteException.class);
			partnerships.insertOne(new Document("_id", "p-300").append("subscriptionId", "s-1").append("seq", 300L));
		});

		with(new ValueOrderedH2Backend(file(), 16), reopened -> {
			assertThat(reopened.countDocuments()).isEqualTo(301);
			assertThat(reopened.find(Filters.eq("_id", "p-150")).first()).containsEntry("version", 1L);
			assertThat(reopened.find(new Document("subscriptionId", "s-1").append("seq", 300L)).first())
				.containsEntry("_id", "p-300");
		});
	}

	private static void insertPartnerships(MongoCollection<Document> partnerships, int count) {
		partnerships.insertMany(IntStream.range(0, count)
			.mapToObj(i -> new Document(PARTNERSHIP).append("_id", "p-" + i)
				.append("subscriptionId", "s-1")
				.append("seq", (long) i))
			.toList());
	}

	private String file() {
		return directory.resolve("store.mv").toString();
	}

	private static void with(H2Backend backend, Consumer<MongoCollection<Document>> use) {
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()))) {
			use.accept(client.getDatabase("partnerships").getCollection("partnerships"));
		}
		finally {
			server.shutdownNow();
		}
	}

	private static String hostAndPort(java.net.InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

}
