package org.decoop.localstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ReadConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The compose proof's MongoDB stand-in started as compose starts mongod
 * ({@code --replSet rs0}): the compose healthcheck initiates it once and then finds it
 * PRIMARY, and the services' driver, given
 * {@code replicaSet=rs0&w=majority&journal=true}, selects it and writes and reads with
 * majority concerns; the initiation survives a restart.
 */
class ReplicaSetStandInTest {

	@TempDir
	Path data;

	@Test
	void isInitiatedOnceByTheHealthcheckThenServesTheServicesUriAsPrimaryOfTheSet() {
		with(new ReplicaSetStandIn(data, 16, "rs0"), member -> {
			try (MongoClient shell = MongoClients.create("mongodb://" + member + "/?directConnection=true")) {
				assertThat(check(shell, member)).as("first check: initiates, not yet healthy").isEqualTo(1);
				assertThat(check(shell, member)).as("then PRIMARY").isZero();
				assertThat(check(shell, member)).as("idempotent").isZero();
			}
			try (MongoClient service = MongoClients
				.create("mongodb://" + member + "/plans?replicaSet=rs0&w=majority&journal=true")) {
				MongoCollection<Document> plans = service.getDatabase("plans").getCollection("plans");
				plans.insertOne(new Document("_id", "plan-1"));
				assertThat(plans.withReadConcern(ReadConcern.MAJORITY).find().into(new java.util.ArrayList<>()))
					.extracting(document -> document.get("_id"))
					.containsExactly("plan-1");
				assertThat(service.getClusterDescription().getClusterSettings().getRequiredReplicaSetName())
					.isEqualTo("rs0");
			}
		});
		with(new ReplicaSetStandIn(data, 16, "rs0"), member -> {
			try (MongoClient shell = MongoClients.create("mongodb://" + member + "/?directConnection=true")) {
				Document status = shell.getDatabase("admin").runCommand(new Document("replSetGetStatus", 1));
				assertThat(status.getString("set")).isEqualTo("rs0");
				assertThat(status.getList("members", Document.class)).singleElement()
					.satisfies(self -> assertThat(self.getString("stateStr")).isEqualTo("PRIMARY"));
			}
		});
	}

	@Test
	void withoutReplSetItStaysAStandaloneThatRefusesToBeInitiated() {
		with(new ReplicaSetStandIn(data, 16, null), member -> {
			try (MongoClient shell = MongoClients.create("mongodb://" + member + "/?directConnection=true")) {
				assertThat(check(shell, member)).isEqualTo(1);
				assertThat(
						shell.getDatabase("admin").runCommand(new Document("hello", 1)).getBoolean("isWritablePrimary"))
					.isTrue();
			}
		});
	}

	private static int check(MongoClient shell, String member) {
		return MongoShellStandIn.replicaSetCheck(shell, "rs0", member, new PrintStream(new ByteArrayOutputStream()));
	}

	/**
	 * Runs {@code use} against the backend served on a free port, with the member's
	 * host:port as the set knows it.
	 */
	private static void with(ReplicaSetStandIn backend, Consumer<String> use) {
		MongoServer server = new MongoServer(backend);
		try {
			InetSocketAddress address = server.bind();
			use.accept(address.getHostString() + ":" + address.getPort());
		}
		finally {
			server.shutdownNow();
			backend.close();
		}
	}

}
