package org.decoop.platform.scheduling;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.jspecify.annotations.Nullable;

/**
 * A pass that runs again and again with a pause in between, on a thread of its own
 * (Spring's {@link ThreadPoolTaskScheduler}), so that one slow poller never holds up
 * another. A pass that throws is logged and run again after the pause. {@link #stop()}
 * lets a running pass finish within the grace period, then interrupts it.
 */
public final class PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(PeriodicWork.class);

	private final String name;

	private final Duration initialDelay;

	private final Duration pause;

	private final Duration grace;

	private final Runnable pass;

	/** Set while started. */
	private @Nullable ThreadPoolTaskScheduler scheduler;

	/**
	 * @param name the thread's name, and the name in logs
	 * @param grace how long {@link #stop()} waits for a running pass before interrupting
	 * it
	 */
	public PeriodicWork(String name, Duration initialDelay, Duration pause, Duration grace, Runnable pass) {
		this.name = name;
		this.initialDelay = initialDelay;
		this.pause = pause;
		this.grace = grace;
		this.pass = pass;
	}

	public synchronized void start() {
		if (scheduler != null) {
			return;
		}
		scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix(name + "-");
		scheduler.setWaitForTasksToCompleteOnShutdown(!grace.isZero());
		scheduler.setAwaitTerminationMillis(grace.toMillis());
		scheduler.setErrorHandler(
				failure -> log.warn("{} pass failed; it runs again in {}: {}", name, pause, failure.toString()));
		scheduler.initialize();
		scheduler.scheduleWithFixedDelay(pass, Instant.now().plus(initialDelay), pause);
	}

	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdown();
			// shutdown() waited the grace period at most; a pass still running is
			// interrupted now.
			scheduler.getScheduledThreadPoolExecutor().shutdownNow();
			scheduler = null;
		}
	}

	public synchronized boolean isRunning() {
		return scheduler != null;
	}

}
