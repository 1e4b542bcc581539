package org.decoop.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A service's clock in a shared test context: real time in millisecond ticks (as in
 * production) moved by an offset a test sets, so time-driven work (digests, funding call
 * deadlines) can be taken to any moment while everything else (delivery retries, relay
 * claims, back-offs) keeps running. Tests that depend on the date read it from here,
 * never from the system; a test that sets it back puts it {@link #reset back} when it
 * ends.
 */
public final class AdjustableClock extends UtcTestClock {

	private final Clock real = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

	private volatile Duration offset = Duration.ZERO;

	/** From now on the clock reads {@code instant}, and goes on from there. */
	public void setTo(Instant instant) {
		offset = Duration.between(real.instant(), instant);
	}

	/**
	 * Moves the clock {@code duration} ahead, for good: a claim taken later would outlive
	 * its time if it went back.
	 */
	public synchronized void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException(
					"the test clock only moves forward: a claim taken later would outlive its time");
		}
		offset = offset.plus(duration);
	}

	/** Real time again. */
	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return real.instant().plus(offset);
	}

	/**
	 * The service's clock in a scenario's context: {@code classes = {
	 * TheApplication.class, AdjustableClock.InContext.class }}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class InContext {

		@Bean
		AdjustableClock clock() {
			return new AdjustableClock();
		}

	}

}
