package org.decoop.localstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.backend.h2.ValueOrderedH2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

/**
 * The stand-in's backend, answering as a replica set member when started with
 * {@code --replSet}: {@code replSetInitiate}, {@code replSetGetStatus},
 * {@code replSetGetConfig}, and {@code hello} / {@code isMaster} with the set's name,
 * hosts and primary, which a driver given {@code replicaSet=} needs before it selects the
 * server. It CANNOT elect and replicates nothing: once initiated, its one member is
 * PRIMARY by decree. The configuration is kept in the data directory, as {@code mongod}
 * keeps it in {@code local.system.replset}.
 */
class ReplicaSetStandIn extends ValueOrderedH2Backend {

	private static final int NO_REPLICATION_ENABLED = 76;

	private static final int ALREADY_INITIALIZED = 23;

	private static final int NOT_YET_INITIALIZED = 94;

	private static final int INVALID_REPLICA_SET_CONFIG = 93;

	/** Absent for a standalone stand-in. */
	private final @Nullable String setName;

	private final Path configFile;

	/** The one member's host:port, once the set is initiated. */
	private volatile @Nullable String member;

	/**
	 * @param setName the {@code --replSet} name, or null for a standalone stand-in
	 */
	ReplicaSetStandIn(Path data, int cacheMegabytes, @Nullable String setName) {
		super(data.resolve("mongo.mv").toString(), cacheMegabytes);
		this.setName = setName;
		this.configFile = data.resolve("replset-member");
		this.member = setName != null && Files.exists(configFile) ? read(configFile) : null;
	}

	/** The member the set was initiated with: empty while it is not (or it is no set). */
	Optional<String> member() {
		return Optional.ofNullable(member);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		switch (command.toLowerCase(java.util.Locale.ROOT)) {
			case "hello", "ismaster" -> {
				return hello(super.handleCommand(channel, database, "isMaster", query));
			}
			case "replsetinitiate" -> {
				return initiate(query.get(command));
			}
			case "replsetgetstatus" -> {
				return status();
			}
			case "replsetgetconfig" -> {
				Document reply = new Document("config", config(initiated()));
				reply.put("ok", 1.0);
				return reply;
			}
			default -> {
				return super.handleCommand(channel, database, command, query);
			}
		}
	}

	private Document hello(Document reply) {
		boolean primary = setName == null || member != null;
		reply.put("ismaster", primary);
		reply.put("isWritablePrimary", primary);
		if (setName != null) {
			reply.put("secondary", false);
			if (member == null) {
				// what mongod says before it is initiated: drivers given replicaSet= wait
				reply.put("isreplicaset", true);
			}
			else {
				reply.put("setName", setName);
				reply.put("setVersion", 1);
				reply.put("hosts", List.of(member));
				reply.put("primary", member);
				reply.put("me", member);
			}
		}
		return reply;
	}

	private synchronized Document initiate(@Nullable Object config) {
		String name = replicating();
		if (member != null) {
			throw new MongoServerError(ALREADY_INITIALIZED, "AlreadyInitialized", "already initialized");
		}
		if (!(config instanceof Document document) || !name.equals(document.get("_id"))
				|| !(document.get("members") instanceof List<?> members) || members.size() != 1
				|| !(members.get(0) instanceof Document only) || !(only.get("host") instanceof String host)) {
			throw new MongoServerError(INVALID_REPLICA_SET_CONFIG, "InvalidReplicaSetConfig",
					"the stand-in takes {_id: '" + name
							+ "', members: [{_id: 0, host: 'host:port'}]} (one member: it cannot elect)");
		}
		try {
			Files.writeString(configFile, host);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		member = host;
		System.out.printf(
				"MongoDB stand-in: replica set %s initiated with %s, PRIMARY by decree: a stand-in cannot elect or replicate%n",
				name, host);
		Document reply = new Document();
		reply.put("ok", 1.0);
		return reply;
	}

	private Document status() {
		String host = initiated();
		Document self = new Document("_id", 0);
		self.put("name", host);
		self.put("health", 1.0);
		self.put("state", 1);
		self.put("stateStr", "PRIMARY");
		self.put("self", true);
		Document reply = new Document("set", setName);
		reply.put("myState", 1);
		reply.put("members", List.of(self));
		reply.put("ok", 1.0);
		return reply;
	}

	private Document config(String host) {
		Document only = new Document("_id", 0);
		only.put("host", host);
		Document config = new Document("_id", setName);
		config.put("version", 1);
		config.put("members", List.of(only));
		return config;
	}

	private String initiated() {
		replicating();
		String host = member;
		if (host == null) {
			throw quiet(new MongoServerError(NOT_YET_INITIALIZED, "NotYetInitialized",
					"no replset config has been received"));
		}
		return host;
	}

	/**
	 * The set's name; a standalone stand-in refuses the replica set commands as mongod
	 * does.
	 */
	private String replicating() {
		String name = setName;
		if (name == null) {
			throw quiet(
					new MongoServerError(NO_REPLICATION_ENABLED, "NoReplicationEnabled", "not running with --replSet"));
		}
		return name;
	}

	/**
	 * An answer the healthcheck expects (every few seconds until initiated), not a
	 * failure to log with its stack.
	 */
	private static MongoServerError quiet(MongoServerError error) {
		error.setLogError(false);
		return error;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file).strip();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
