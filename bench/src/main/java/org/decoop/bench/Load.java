package org.decoop.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one HTTP load generator of the harness, used for the trivial endpoint and for the
 * commands alike, so that their ratio compares the product with the web stack and not two
 * tools.
 */
final class Load {

	/**
	 * What a load produced: answers with the expected status, other answers and failures,
	 * and for how long.
	 */
	record Result(long ok, long failed, Duration elapsed) {

		double perSecond() {
			return ok / (elapsed.toNanos() / 1e9);
		}
	}

	private final Api api;

	Load(Api api) {
		this.api = api;
	}

	/**
	 * Closed loop: {@code connections} clients, each sending its next request as soon as
	 * the previous one is answered, for {@code duration} or until {@code limit} answers.
	 */
	Result closedLoop(int connections, Duration duration, long limit, int expectedStatus,
			Supplier<HttpRequest> requests, Consumer<HttpResponse<String>> answered) {
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicLong issued = new AtomicLong();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < connections; i++) {
				clients.execute(() -> {
					while (System.nanoTime() < end && issued.incrementAndGet() <= limit) {
						sendOne(requests, expectedStatus, answered, ok, failed);
					}
				});
			}
		}
		return new Result(ok.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Open loop: one request every {@code 1/rate} seconds whatever the answers (each on a
	 * thread of its own), for {@code duration}.
	 */
	Result openLoop(double rate, Duration duration, int expectedStatus, Supplier<HttpRequest> requests,
			Consumer<HttpResponse<String>> answered) {
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long interval = (long) (1e9 / rate);
		long start = System.nanoTime();
		long count = (long) (rate * duration.toNanos() / 1e9);
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long i = 0; i < count; i++) {
				long due = start + i * interval;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				clients.execute(() -> sendOne(requests, expectedStatus, answered, ok, failed));
			}
			clients.shutdown();
			awaitQuietly(clients);
		}
		return new Result(ok.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * One request: an answer with the expected status counts as ok (and is handed on),
	 * anything else as failed.
	 */
	private void sendOne(Supplier<HttpRequest> requests, int expectedStatus, Consumer<HttpResponse<String>> answered,
			AtomicLong ok, AtomicLong failed) {
		try {
			HttpResponse<String> response = api.http.send(requests.get(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == expectedStatus) {
				ok.incrementAndGet();
				answered.accept(response);
			}
			else {
				failed.incrementAndGet();
			}
		}
		catch (Exception e) {
			failed.incrementAndGet();
		}
	}

	private static void awaitQuietly(ExecutorService clients) {
		try {
			clients.awaitTermination(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
