package org.decoop.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inbox's SSE stream read as a browser's EventSource reads it: when the stream ends or
 * fails (the instance serving it died), it connects again after a moment, sending the id
 * of the last event it got as {@code Last-Event-ID}, and goes on with what it missed. A
 * stream silent for longer than its heartbeats allow is taken for dead and reconnected
 * too (counted as a stall).
 */
final class InboxStreamClient implements AutoCloseable {

	/** The service sends a keep-alive comment every 15 s. */
	private static final Duration SILENT_TOO_LONG = Duration.ofSeconds(40);

	private static final Duration RECONNECT = Duration.ofMillis(500);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One notification as the stream sent it. */
	record Received(long sequence, String notificationId, String subject, String eventType) {
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI stream;

	private final Supplier<String> token;

	private final ScheduledExecutorService loop = Executors.newScheduledThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "inbox-stream-client");
		thread.setDaemon(true);
		return thread;
	});

	final List<Received> received = new CopyOnWriteArrayList<>();

	final AtomicInteger connections = new AtomicInteger();

	final AtomicInteger stalls = new AtomicInteger();

	/**
	 * What a connection attempt that got no stream answered: status (or error) → count.
	 */
	final Map<String, Integer> refusals = new ConcurrentHashMap<>();

	private volatile boolean open = true;

	/** A stream's answer came and it has not ended. */
	private volatile boolean streaming;

	private volatile long lastLineAt = System.nanoTime();

	private volatile Stream<String> current = Stream.empty();

	private volatile String lastEventId = "";

	InboxStreamClient(URI stream, Supplier<String> token) {
		this.stream = stream;
		this.token = token;
	}

	/** Connects, and keeps connected until closed. */
	InboxStreamClient start() {
		loop.execute(this::connect);
		loop.scheduleWithFixedDelay(this::closeIfSilent, 5, 5, TimeUnit.SECONDS);
		return this;
	}

	/** Whether a stream is open now (its answer came, and it has not ended). */
	boolean connected() {
		return streaming;
	}

	private void connect() {
		if (!open) {
			return;
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(stream)
			.timeout(Duration.ofSeconds(15))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token.get());
		if (!lastEventId.isEmpty()) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
			if (response.statusCode() != 200) {
				response.body().close();
				refusals.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
			}
			else {
				connections.incrementAndGet();
				lastLineAt = System.nanoTime();
				streaming = true;
				try (Stream<String> lines = response.body()) {
					current = lines;
					read(lines);
				}
				finally {
					streaming = false;
				}
			}
		}
		catch (IOException | RuntimeException ended) {
			// the instance died, or this client closed the stream: connect again
			refusals.merge(ended.getClass().getSimpleName(), 1, Integer::sum);
		}
		catch (InterruptedException closed) {
			Thread.currentThread().interrupt();
			return;
		}
		if (open) {
			loop.schedule(this::connect, RECONNECT.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** Reads events (id, event, data lines, then a blank line) until the stream ends. */
	private void read(Stream<String> lines) {
		String[] id = { "" };
		StringBuilder data = new StringBuilder();
		lines.forEach(line -> {
			lastLineAt = System.nanoTime();
			if (line.isEmpty()) {
				if (!data.isEmpty()) {
					JsonNode notification = JSON.readTree(data.toString());
					received.add(new Received(Long.parseLong(id[0]), notification.get("id").asString(),
							notification.get("subject").asString(), notification.get("eventType").asString()));
					lastEventId = id[0];
				}
				data.setLength(0);
			}
			else if (line.startsWith("id:")) {
				id[0] = line.substring(3).strip();
			}
			else if (line.startsWith("data:")) {
				data.append(line.substring(5).strip());
			}
		});
	}

	private void closeIfSilent() {
		if (streaming && System.nanoTime() - lastLineAt > SILENT_TOO_LONG.toNanos()) {
			stalls.incrementAndGet();
			lastLineAt = System.nanoTime();
			current.close();
		}
	}

	@Override
	public void close() {
		open = false;
		current.close();
		loop.shutdownNow();
	}

}
