package org.decoop.localstore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.bson.Document;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The compose proof's {@code mongosh}, next to the MongoDB stand-in: it runs no
 * JavaScript, only what the compose file asks of {@code mongosh}, with the Java driver:
 * the healthcheck script {@code mongo/replica-set.js} (initiate the set once, then
 * healthy once PRIMARY) and {@code --eval "db.adminCommand('ping').ok"}. Credentials are
 * accepted and not used: the stand-in has no authentication, so the services' users are
 * not checked here.
 */
public final class MongoShellStandIn {

	private static final int NOT_YET_INITIALIZED = 94;

	private MongoShellStandIn() {
	}

	public static void main(String[] args) {
		String host = "127.0.0.1";
		String eval = null;
		String script = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--host" -> host = args[++i];
				case "--eval" -> eval = args[++i];
				case "--username", "-u", "--password", "-p", "--authenticationDatabase" -> i++;
				case "--quiet" -> {
					// nothing to be quiet about
				}
				default -> script = args[i];
			}
		}
		int status;
		try (MongoClient client = MongoClients.create("mongodb://" + (host.contains(":") ? host : host + ":27017")
				+ "/?directConnection=true&serverSelectionTimeoutMS=3000&connectTimeoutMS=3000")) {
			if (script != null && Path.of(script).getFileName().toString().equals("replica-set.js")) {
				status = replicaSetCheck(client, System.getenv("DECOOP_MONGO_REPLICA_SET"),
						System.getenv("DECOOP_MONGO_MEMBER"), System.out);
			}
			else if (eval != null && eval.contains("ping")) {
				System.out.println(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok"));
				status = 0;
			}
			else {
				System.err
					.println("the stand-in's mongosh runs only mongo/replica-set.js and a ping, not " + List.of(args));
				status = 2;
			}
		}
		catch (RuntimeException e) {
			System.err.println(e.getMessage());
			status = 1;
		}
		System.exit(status);
	}

	/**
	 * What {@code mongo/replica-set.js} does: initiates the set when the server says it
	 * is not yet initiated, and passes once the member is PRIMARY of {@code set}.
	 * @return the exit status: 0 when PRIMARY
	 */
	static int replicaSetCheck(MongoClient client, String set, String member, PrintStream out) {
		MongoDatabase admin = client.getDatabase("admin");
		try {
			admin.runCommand(new Document("replSetGetStatus", 1));
		}
		catch (MongoCommandException e) {
			if (e.getErrorCode() != NOT_YET_INITIALIZED) {
				out.println("not a replica set member yet: " + e.getErrorMessage());
				return 1;
			}
			admin.runCommand(new Document("replSetInitiate", new Document("_id", set).append("members",
					List.of(new Document("_id", 0).append("host", member)))));
			out.println("initiated replica set " + set + " with " + member);
			return 1;
		}
		Document hello = admin.runCommand(new Document("hello", 1));
		if (!set.equals(hello.getString("setName")) || !Boolean.TRUE.equals(hello.getBoolean("isWritablePrimary"))) {
			out.println("not PRIMARY of " + set + " yet");
			return 1;
		}
		out.println("PRIMARY of " + set + " (a stand-in: it cannot elect; it has no users to check)");
		return 0;
	}

}
