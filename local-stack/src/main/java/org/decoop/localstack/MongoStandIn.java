package org.decoop.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.ValueOrderedH2Backend;

/**
 * A MongoDB stand-in: mongo-java-server with its H2 backend ({@link ValueOrderedH2Backend}),
 * listening like {@code mongod}; it is not MongoDB. The local stack runs it in a JVM of its own
 * (a bounded heap); the local compose proof uses it where no MongoDB image can be had.
 *
 * <pre>java -cp local-stack.jar org.decoop.localstack.MongoStandIn [port] [data-dir] [bind-address]</pre>
 */
public final class MongoStandIn {

    private static final int PAGE_CACHE_MB = 48;

    private MongoStandIn() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
        Path data = Path.of(args.length > 1 ? args[1] : "/data/db");
        Files.createDirectories(data);
        // the H2 backend without Java serialization on its hot paths (it reads what the stock one wrote),
        // with a page cache that holds the hot documents of a busy stack (each miss decodes a whole page)
        H2Backend backend = new ValueOrderedH2Backend(data.resolve("mongo.mv").toString(), PAGE_CACHE_MB);
        MongoServer server = new MongoServer(backend);
        server.bind(args.length > 2 ? args[2] : "0.0.0.0", port);
        System.out.printf("MongoDB stand-in (mongo-java-server %s, H2 in %s) listening on %d%n",
                MongoServer.class.getPackage().getImplementationVersion(), data, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            backend.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
