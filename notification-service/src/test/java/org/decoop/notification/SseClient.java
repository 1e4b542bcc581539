package org.decoop.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real server-sent-events client: reads the stream on its own thread and parses each
 * event.
 */
public final class SseClient implements AutoCloseable {

	/** An event as received, and when ({@link System#nanoTime()}). */
	public record Event(String id, String name, String data, long receivedNanos) {
	}

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final InputStream stream;

	private final Thread reader;

	public final int status;

	/**
	 * Opens the stream as the owner of {@code token} (a subscription's stream is its
	 * owner's only).
	 */
	public SseClient(String url, String token, String lastEventId) throws IOException, InterruptedException {
		this(url, token, lastEventId, null);
	}

	/** ... reading in {@code acceptLanguage} (none: without the header). */
	public SseClient(String url, String token, String lastEventId, String acceptLanguage)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token);
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		status = response.statusCode();
		stream = response.body();
		reader = new Thread(this::read, "sse-client");
		reader.setDaemon(true);
		reader.start();
	}

	/** Whether the server ended the stream (or the test closed it). */
	boolean ended() {
		return !reader.isAlive();
	}

	public List<Event> events() {
		return List.copyOf(events);
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String id = null;
			String name = null;
			StringBuilder data = new StringBuilder();
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						events.add(new Event(id, name, data.toString(), System.nanoTime()));
					}
					id = null;
					name = null;
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (IOException closed) {
			// the test disconnected
		}
	}

	@Override
	public void close() throws IOException {
		stream.close();
		reader.interrupt();
	}

}
