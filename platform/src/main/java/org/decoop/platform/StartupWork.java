package org.decoop.platform;

import org.springframework.context.SmartLifecycle;

/**
 * What a service does with its store or broker at start, before it takes a request or a
 * record (indexes, the event topics' retention check): done when the context starts,
 * first of its lifecycle (before the web server, the bindings and the periodic jobs), not
 * while its beans are made. A context refreshed without being started, as the AOT cache's
 * training run does ({@code -Dspring.context.exit=onRefresh}, see docs/performance.md),
 * reaches nothing.
 */
public abstract class StartupWork implements SmartLifecycle {

	private volatile boolean running;

	/** Does it; a failure stops the start. Safe to run again. */
	protected abstract void setUp();

	@Override
	public final void start() {
		setUp();
		running = true;
	}

	@Override
	public final void stop() {
		running = false;
	}

	@Override
	public final boolean isRunning() {
		return running;
	}

	@Override
	public final int getPhase() {
		return Integer.MIN_VALUE;
	}

}
