package org.decoop.platform.testing;

import java.time.Duration;
import java.time.Instant;

/**
 * A UTC clock that stands still until a test moves it, for claims, back-offs and
 * schedules.
 */
public final class MutableClock extends UtcTestClock {

	private volatile Instant now;

	public MutableClock(Instant now) {
		this.now = now;
	}

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	@Override
	public Instant instant() {
		return now;
	}

}
