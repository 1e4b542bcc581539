package org.decoop.platform.testing;

import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process MongoDB wire server for the tests of one class, without Spring:
 * {@code @RegisterExtension static final InMemoryMongo MONGO = new InMemoryMongo();},
 * then {@code MONGO.freshDatabase()} in a field initializer (test instances are made
 * after it started).
 */
public final class InMemoryMongo implements BeforeAllCallback, AfterAllCallback {

	private MongoServer server;

	private MongoClient client;

	@Override
	public void beforeAll(ExtensionContext context) {
		server = new MongoServer(new MemoryBackend());
		server.bind();
		client = MongoClients.create(server.getConnectionString());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		client.close();
		server.shutdownNow();
	}

	public MongoClient client() {
		return client;
	}

	/** A database of its own, so that no two tests see each other's documents. */
	public MongoTemplate freshDatabase() {
		return new MongoTemplate(client, "test_" + UUID.randomUUID().toString().replace("-", ""));
	}

}
