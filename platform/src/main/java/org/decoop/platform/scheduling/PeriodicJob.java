package org.decoop.platform.scheduling;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * A job that every replica runs again and again ({@link PeriodicWork}), started and
 * stopped with the application context. A subclass says what one pass does; a pass must
 * be safe to run on several replicas at once (a write conditional on the version it read,
 * an insert on a unique key).
 */
public abstract class PeriodicJob implements SmartLifecycle {

	private static final Duration GRACE = Duration.ofSeconds(5);

	private final PeriodicWork work;

	protected PeriodicJob(String name, Duration initialDelay, Duration interval) {
		this.work = new PeriodicWork(name, initialDelay, interval, GRACE, this::runOnce);
	}

	/** One pass; returns how many things it changed. */
	protected abstract int runOnce();

	@Override
	public void start() {
		work.start();
	}

	@Override
	public void stop() {
		work.stop();
	}

	@Override
	public boolean isRunning() {
		return work.isRunning();
	}

}
