package org.decoop.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.decoop.localstore.MongoStandIn;

/**
 * The development store (local-store: mongo-java-server, H2 on disk; not MongoDB) in a
 * JVM of its own with a bounded heap: inside the launcher's JVM it had none (a quarter of
 * the machine) and grew with the data.
 */
final class Store extends Component {

	/**
	 * Its heap: its data is on disk (H2), the heap holds H2's cache and the requests in
	 * flight.
	 */
	private static final String HEAP = "512m";

	private final StackOptions options;

	Store(StackOptions options) {
		super("the store");
		this.options = options;
	}

	@Override
	void start() throws IOException {
		// the parallel collector: young collections of a busy store took 0.3 s on one
		// thread (profiled)
		run(new ChildProcess("store",
				List.of(JAVA, "-Xms64m", "-Xmx" + HEAP, "-XX:+UseParallelGC", "-cp", CLASS_PATH,
						MongoStandIn.class.getName(), Integer.toString(options.mongoPort()), options.data().toString(),
						options.bind()),
				Map.of(), options.logs().resolve("store.log")));
	}

	/**
	 * Ready once it accepts connections: the services' drivers connect at their start.
	 */
	@Override
	void awaitReady() throws InterruptedException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (!accepts(options.mongoPort())) {
			if (!process().isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("The store did not start; see " + process().log());
			}
			TimeUnit.MILLISECONDS.sleep(200);
		}
		LocalStack.log(
				"MongoDB-compatible store (mongo-java-server, H2 on disk, heap at most %s; pid %d) on 127.0.0.1:%d, logging to %s",
				HEAP, process().pid(), options.mongoPort(), process().log());
	}

	@Override
	String describe() {
		return row("MongoDB", "mongodb://127.0.0.1:%d  (data in %s)".formatted(options.mongoPort(), options.data()));
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

}
