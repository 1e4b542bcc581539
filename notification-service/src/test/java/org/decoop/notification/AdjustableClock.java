package org.decoop.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in the shared test context: real time in millisecond ticks (as in
 * production) moved by an offset a test sets, so time-driven work (digests) can be taken to any
 * moment while everything else (delivery retries, claims) keeps running. A test that moves it
 * puts it {@link #reset back} when it ends.
 */
public final class AdjustableClock extends Clock {

    private final Clock real = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads {@code instant}, and goes on from there. */
    public void setTo(Instant instant) {
        offset = Duration.between(real.instant(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
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
