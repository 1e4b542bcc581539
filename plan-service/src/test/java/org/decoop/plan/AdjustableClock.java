package org.decoop.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in the shared test context: real time in millisecond ticks (as in
 * production) ahead by an offset that tests only ever move forward, so date-driven work (funding
 * call deadlines) can be taken to any later day while everything else (relay claims, back-offs)
 * keeps running. Tests that depend on the date read it from here, never from the system.
 */
public final class AdjustableClock extends Clock {

    private final Clock real = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private volatile Duration offset = Duration.ZERO;

    /** Moves the clock {@code duration} ahead, for good. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward: a claim taken later would outlive its time");
        }
        offset = offset.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }
}
