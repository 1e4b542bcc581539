package org.decoop.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.DecoderContext;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * The commands a piece of code sends to MongoDB, caught by a {@link CommandListener} on
 * the client (register it with the client's settings), and how each query among them is
 * put to {@code explain}.
 */
public final class MongoCommands implements CommandListener {

	/** The commands that read documents by a filter: those MongoDB plans. */
	private static final Set<String> QUERIES = Set.of("find", "aggregate", "count", "distinct", "findAndModify",
			"findandmodify", "update", "delete");

	/**
	 * What the driver adds to a command that {@code explain} refuses or does not need.
	 */
	private static final Set<String> SESSION_AND_CONCERNS = Set.of("lsid", "txnNumber", "autocommit",
			"startTransaction", "readConcern", "writeConcern", "apiVersion", "apiStrict", "apiDeprecationErrors",
			"ordered", "bypassDocumentValidation");

	/** The thread whose commands are being caught, and what it sent. */
	private final ThreadLocal<List<Document>> caught = new ThreadLocal<>();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		List<Document> commands = caught.get();
		if (commands != null) {
			// the event's document is only valid during the call: decoded into a copy
			commands.add(decode(event.getCommand()));
		}
	}

	/**
	 * Runs {@code code} and answers the commands this thread sent meanwhile, with what
	 * {@code code} answered.
	 */
	public <T> Caught<T> catching(Callable<T> code) throws Exception {
		List<Document> commands = new ArrayList<>();
		caught.set(commands);
		try {
			return new Caught<>(code.call(), commands);
		}
		finally {
			caught.remove();
		}
	}

	/** What some code answered, and the commands it sent. */
	public record Caught<T>(T answer, List<Document> commands) {
	}

	/**
	 * The queries of a command as {@code explain} takes them: none for a command that
	 * reads no documents by a filter (an insert, a {@code getMore}, an index build), one
	 * per statement of an update or delete ({@code explain} takes one at a time), without
	 * the session and concerns.
	 */
	public static List<Document> explainable(Document command) {
		String name = command.keySet().iterator().next();
		if (!QUERIES.contains(name)) {
			return List.of();
		}
		Document query = new Document();
		for (Map.Entry<String, Object> field : command.entrySet()) {
			if (!field.getKey().startsWith("$") && !SESSION_AND_CONCERNS.contains(field.getKey())) {
				query.append(field.getKey(), field.getValue());
			}
		}
		String statements = name.equals("update") ? "updates" : name.equals("delete") ? "deletes" : null;
		if (statements == null) {
			return List.of(query);
		}
		List<Document> each = new ArrayList<>();
		for (Object statement : query.getList(statements, Object.class)) {
			each.add(new Document(query).append(statements, List.of(statement)));
		}
		return each;
	}

	/** The collection a query names. */
	public static String collectionOf(Document query) {
		return String.valueOf(query.values().iterator().next());
	}

	/**
	 * MongoDB's plan for a query (from {@link #explainable}). A collection that does not
	 * exist yet is created first: MongoDB plans nothing (EOF) for it, whatever its
	 * indexes will be.
	 */
	public static QueryPlan explain(MongoDatabase database, Document query) {
		String collection = collectionOf(query);
		if (!database.listCollectionNames().into(new ArrayList<>()).contains(collection)) {
			database.createCollection(collection);
		}
		return QueryPlan.of(database.runCommand(new Document("explain", query).append("verbosity", "queryPlanner")));
	}

	/**
	 * The BSON of a command as the listener sees it, for the tests of
	 * {@link #explainable}.
	 */
	static Document decode(BsonDocument command) {
		return new DocumentCodec().decode(command.asBsonReader(), DecoderContext.builder().build());
	}

}
