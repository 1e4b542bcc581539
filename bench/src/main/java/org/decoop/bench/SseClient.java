package org.decoop.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Reads a subscription's server-sent events as an integrator's client would, reconnecting
 * with {@code Last-Event-ID} when the server ends a stream, and notes when the
 * notification of each subject (a partnership id) arrived.
 */
final class SseClient implements AutoCloseable {

	private final Api api;

	private final String url;

	private final String user;

	private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

	private final AtomicLong received = new AtomicLong();

	/** The id of the last event received; none before the first. */
	private volatile @Nullable String lastEventId;

	private volatile boolean running = true;

	/** Counted down when the server first accepted the stream. */
	private final CountDownLatch opened = new CountDownLatch(1);

	private final Thread reader;

	SseClient(Api api, String url, String user) {
		this.api = api;
		this.url = url;
		this.user = user;
		this.reader = Thread.ofVirtual().name("sse-client").start(this::read);
	}

	private void read() {
		while (running) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.header("Accept", "text/event-stream")
				.header("Authorization", "Bearer " + api.token(user));
			String resumeAfter = lastEventId;
			if (resumeAfter != null) {
				request.header("Last-Event-ID", resumeAfter);
			}
			try {
				HttpResponse<InputStream> response = api.http.send(request.build(),
						HttpResponse.BodyHandlers.ofInputStream());
				if (response.statusCode() == 200) {
					opened.countDown();
				}
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
					String id = null;
					StringBuilder data = new StringBuilder();
					for (String line = lines.readLine(); line != null && running; line = lines.readLine()) {
						if (line.startsWith("id:")) {
							id = line.substring(3).strip();
						}
						else if (line.startsWith("data:")) {
							data.append(line.substring(5).strip());
						}
						else if (line.isEmpty() && !data.isEmpty()) {
							arrived(id, data.toString());
							data.setLength(0);
						}
					}
				}
			}
			catch (Exception e) {
				if (running) {
					System.err.println("SSE stream ended (" + e + "); reconnecting");
				}
			}
		}
	}

	/** {@code id}: none when the server sent the event without one. */
	private void arrived(@Nullable String id, String data) {
		long now = System.nanoTime();
		lastEventId = id;
		JsonNode notification = Api.JSON.readTree(data);
		JsonNode subject = notification.get("subject");
		if (subject != null && !subject.isNull()) {
			arrivals.putIfAbsent(subject.asString(), now);
		}
		received.incrementAndGet();
	}

	/**
	 * When the notification about {@code subject} arrived ({@link System#nanoTime()}), if
	 * it did.
	 */
	Optional<Long> arrivalOf(String subject) {
		return Optional.ofNullable(arrivals.get(subject));
	}

	long received() {
		return received.get();
	}

	/**
	 * Waits until {@code count} notifications arrived, at most {@code timeout}; answers
	 * whether they did.
	 */
	boolean awaitReceived(long count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (received.get() < count && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
		}
		return received.get() >= count;
	}

	/**
	 * Waits until the server accepted the stream, at most {@code timeout}: what is stored
	 * after that reaches this client. Answers whether it did.
	 */
	boolean awaitOpen(Duration timeout) {
		try {
			return opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		running = false;
		reader.interrupt();
	}

}
