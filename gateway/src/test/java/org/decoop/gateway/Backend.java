package org.decoop.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in instance of a service on a port of its own: it records what reached it and
 * answers by path: {@code .../slow} late, {@code .../broken} with a 500,
 * {@code .../stream} as an SSE stream whose second event waits for
 * {@link #releaseStream()}, anything else 200 (201 for a POST). Its readiness answers 200
 * until {@link #notReady()}.
 */
final class Backend implements AutoCloseable {

	record Received(String method, String path, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse("");
		}

	}

	final String name;

	final List<Received> received = new CopyOnWriteArrayList<>();

	private final Sinks.Empty<Void> streamRelease = Sinks.empty();

	private final DisposableServer server;

	private final List<Channel> connections = new CopyOnWriteArrayList<>();

	private volatile boolean ready = true;

	volatile boolean streamEnded;

	private Backend(String name) {
		this.name = name;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnChannelInit((observer, channel, address) -> connections.add(channel))
			.route(routes -> routes
				.get("/actuator/health/readiness",
						(request, response) -> ready ? response.sendString(Mono.just("{\"status\":\"UP\"}"))
								: response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send())
				.route(request -> true, this::answer))
			.bindNow();
	}

	static Backend start(String name) {
		return new Backend(name);
	}

	int port() {
		return server.port();
	}

	String uri() {
		return "http://127.0.0.1:" + port();
	}

	void notReady() {
		ready = false;
	}

	void releaseStream() {
		streamRelease.tryEmitEmpty();
	}

	List<Received> at(String path) {
		return received.stream().filter(request -> request.path().equals(path)).toList();
	}

	/**
	 * Stops it as a crash does: its open connections are closed, and from now on a
	 * connection to its port is refused.
	 */
	@Override
	public void close() {
		server.disposeNow();
		connections.forEach(connection -> connection.close().syncUninterruptibly());
	}

	/**
	 * Lists {@code uris} as the instances of {@code service} (spring-cloud's simple
	 * discovery client), in their order.
	 */
	@SafeVarargs
	static void register(DynamicPropertyRegistry registry, String service, Supplier<Object>... uris) {
		for (int i = 0; i < uris.length; i++) {
			registry.add("spring.cloud.discovery.client.simple.instances." + service + "[" + i + "].uri", uris[i]);
		}
	}

	/** A port nothing listens on: a connection to it is refused. */
	static String nothingListening() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
			Map<String, String> headers = new java.util.LinkedHashMap<>();
			request.requestHeaders().forEach(header -> headers.put(header.getKey(), header.getValue()));
			String path = request.fullPath();
			received.add(new Received(request.method().name(), request.uri(), headers, body));
			if (path.endsWith("/slow")) {
				return Mono.delay(Duration.ofSeconds(5)).then(response.sendString(Mono.just("late")).then());
			}
			if (path.endsWith("/broken")) {
				return response.status(HttpResponseStatus.INTERNAL_SERVER_ERROR)
					.sendString(Mono.just("broken in " + name))
					.then();
			}
			if (path.endsWith("/stream")) {
				// the second event waits for the test (or, should the first never get
				// through, 10 s)
				Flux<String> events = Flux
					.concat(Mono.just("id: 1\nevent: first\ndata: {}\n\n"),
							streamRelease.asMono()
								.timeout(Duration.ofSeconds(10), Mono.empty())
								.then(Mono.just("id: 2\nevent: second\ndata: {}\n\n")))
					.doOnComplete(() -> streamEnded = true);
				return response.header("Content-Type", "text/event-stream").sendString(events).then();
			}
			return response.status(request.method().name().equals("POST") ? 201 : 200)
				.header("Content-Type", "text/plain")
				.sendString(Mono.just(name))
				.then();
		});
	}

}
