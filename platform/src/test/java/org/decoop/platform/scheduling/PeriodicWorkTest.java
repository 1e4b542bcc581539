package org.decoop.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A poller runs its pass again and again, survives a failing pass, and stops for good.
 */
class PeriodicWorkTest {

	@Test
	void runsThePassAgainAfterOneFailed() {
		AtomicInteger passes = new AtomicInteger();
		PeriodicWork work = new PeriodicWork("test-poller", Duration.ZERO, Duration.ofMillis(10), Duration.ofSeconds(1),
				() -> {
					if (passes.incrementAndGet() == 1) {
						throw new IllegalStateException("store unreachable");
					}
				});
		work.start();
		try {
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(passes).hasValueGreaterThan(2));
		}
		finally {
			work.stop();
		}
		assertThat(work.isRunning()).isFalse();
	}

	@Test
	void interruptsAPassStillRunningAfterTheGracePeriod() {
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		PeriodicWork work = new PeriodicWork("test-stuck", Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(100),
				() -> {
					started.countDown();
					try {
						new CountDownLatch(1).await();
					}
					catch (InterruptedException e) {
						interrupted.set(true);
					}
				});
		work.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> started.getCount() == 0);

		work.stop();

		await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted);
	}

	@Test
	void runsNoMorePassesOnceStopped() {
		AtomicInteger passes = new AtomicInteger();
		PeriodicWork work = new PeriodicWork("test-stop", Duration.ZERO, Duration.ofMillis(10), Duration.ofSeconds(1),
				passes::incrementAndGet);
		work.start();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(passes).hasValueGreaterThan(0));
		work.stop();
		int afterStop = passes.get();

		await().during(Duration.ofMillis(200))
			.atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(passes).hasValue(afterStop));
	}

}
