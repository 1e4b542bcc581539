package org.decoop.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Tells the relay, in process, which aggregates were just written with events, so it
 * publishes them at once instead of finding them by a query. Only a hint: an entry lost
 * (a full queue, a crash, another instance's write) is found by the relay's slow sweep.
 */
public class OutboxWakeups {

	/** An aggregate that has events waiting: its collection and id. */
	public record Written(String collection, Object id) {
	}

	private static final int CAPACITY = 100_000;

	private final LinkedBlockingQueue<Written> written = new LinkedBlockingQueue<>(CAPACITY);

	public void written(String collection, Object id) {
		// when full, the sweep finds it
		written.offer(new Written(collection, id));
	}

	/**
	 * Up to {@code max} written aggregates, waiting at most {@code wait} for the first
	 * one.
	 */
	List<Written> take(int max, Duration wait) throws InterruptedException {
		List<Written> taken = new ArrayList<>();
		Written first = written.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
		if (first != null) {
			taken.add(first);
			written.drainTo(taken, max - 1);
		}
		return taken;
	}

}
