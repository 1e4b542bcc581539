package org.decoop.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver for webhook tests: answers each path with a scripted sequence of
 * status codes (the last one repeats), or like a hostile receiver that sends its headers
 * and then trickles its body without end ({@link #trickle}), and records every request it
 * gets. Each request is served on a thread of its own, so one that hangs holds up no
 * other. As a JUnit extension it closes after its test class:
 * {@code @RegisterExtension static final WebhookReceiver RECEIVER = new WebhookReceiver();}.
 */
public final class WebhookReceiver implements AutoCloseable, AfterAllCallback {

	/** One request as it arrived. */
	public record Received(String path, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

	private final Set<String> trickling = ConcurrentHashMap.newKeySet();

	private final CountDownLatch closed = new CountDownLatch(1);

	public WebhookReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", exchange -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String path = exchange.getRequestURI().getPath();
			received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
			if (trickling.contains(path)) {
				trickle(exchange);
				return;
			}
			exchange.sendResponseHeaders(nextStatus(path), -1);
			exchange.close();
		});
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
	}

	/** Answers {@code path} with these codes in turn, repeating the last. */
	public String answer(String path, Integer... statuses) {
		scripts.put(path, new ArrayDeque<>(List.of(statuses)));
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/**
	 * Answers {@code path} with 200 and its headers at once, then one byte of body a
	 * second until closed.
	 */
	public String trickle(String path) {
		trickling.add(path);
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private void trickle(HttpExchange exchange) throws IOException {
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream body = exchange.getResponseBody()) {
			do {
				body.write('.');
				body.flush();
			}
			while (!closed.await(1, TimeUnit.SECONDS));
		}
		catch (InterruptedException | IOException stopped) {
			// the client gave up, or the receiver closes
		}
	}

	public List<Received> receivedOn(String path) {
		return received.stream().filter(r -> r.path().equals(path)).toList();
	}

	private synchronized int nextStatus(String path) {
		Deque<Integer> script = scripts.get(path);
		if (script == null || script.isEmpty()) {
			return 404;
		}
		return script.size() > 1 ? script.poll() : script.peek();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		closed.countDown();
		server.stop(0);
	}

}
