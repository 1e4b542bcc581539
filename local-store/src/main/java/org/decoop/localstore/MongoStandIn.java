package org.decoop.localstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.ValueOrderedH2Backend;

/**
 * A MongoDB stand-in: mongo-java-server with its H2 backend
 * ({@link ValueOrderedH2Backend}), listening like {@code mongod}; it is not MongoDB. The
 * local stack runs it in a JVM of its own (a bounded heap); the local compose proof uses
 * it where no MongoDB image can be had, with the compose file's {@code mongod} flags:
 * {@code --replSet} makes it answer as a replica set member ({@link ReplicaSetStandIn}:
 * it cannot elect), {@code --keyFile} is accepted and not used (it has no
 * authentication).
 *
 * <pre>java -cp local-store.jar org.decoop.localstore.MongoStandIn [port] [data-dir] [bind-address]
 *     [--replSet name] [--keyFile file] [--bind_ip_all] [--port n] [--dbpath dir]</pre>
 */
public final class MongoStandIn {

	private static final int PAGE_CACHE_MB = 48;

	private MongoStandIn() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		List<String> positional = new ArrayList<>();
		String port = null;
		String data = null;
		String bind = null;
		String replicaSet = null;
		String keyFile = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--replSet" -> replicaSet = args[++i];
				case "--keyFile" -> keyFile = args[++i];
				case "--port" -> port = args[++i];
				case "--dbpath" -> data = args[++i];
				case "--bind_ip" -> bind = args[++i];
				case "--bind_ip_all" -> bind = "0.0.0.0";
				default -> positional.add(args[i]);
			}
		}
		int listen = Integer.parseInt(port != null ? port : positional.size() > 0 ? positional.get(0) : "27017");
		Path directory = Path.of(data != null ? data : positional.size() > 1 ? positional.get(1) : "/data/db");
		Files.createDirectories(directory);
		// the H2 backend without Java serialization on its hot paths (it reads what the
		// stock one wrote),
		// with a page cache that holds the hot documents of a busy stack (each miss
		// decodes a whole page)
		ReplicaSetStandIn backend = new ReplicaSetStandIn(directory, PAGE_CACHE_MB, replicaSet);
		MongoServer server = new MongoServer(backend);
		server.bind(bind != null ? bind : positional.size() > 2 ? positional.get(2) : "0.0.0.0", listen);
		System.out.printf("MongoDB stand-in (mongo-java-server %s, H2 in %s) listening on %d%n",
				ValueOrderedH2Backend.MONGO_JAVA_SERVER, directory, listen);
		if (replicaSet != null) {
			System.out.printf(
					"MongoDB stand-in: replica set %s (%s): it answers replSetInitiate, replSetGetStatus and hello as a "
							+ "one-member set but CANNOT elect or replicate; majority reads and writes are plain ones here%n",
					replicaSet, backend.member().map(member -> "initiated with " + member).orElse("not yet initiated"));
		}
		if (keyFile != null) {
			System.out.printf(
					"MongoDB stand-in: --keyFile %s accepted and not used: the stand-in has no authentication%n",
					keyFile);
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.shutdownNow();
			backend.close();
			stopped.countDown();
		}));
		stopped.await();
	}

}
