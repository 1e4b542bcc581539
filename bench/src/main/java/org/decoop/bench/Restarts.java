package org.decoop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Back in seconds (issue 29, goal 3): an instance killed with SIGKILL, the milliseconds
 * until its readiness answers UP again, the local stack's supervisor having seen it stop
 * and started it again. Each service's instances are killed in turn (the first, the
 * second, ...), one service after the other, so that an instance is killed again only
 * after the supervisor's backoff (it restarts a process at most once in 10 s).
 */
final class Restarts {

	/** More than the supervisor's backoff between two kills of one instance. */
	static final Duration SPACING = Duration.ofSeconds(12);

	private static final Duration GIVE_UP = Duration.ofMinutes(3);

	private Restarts() {
	}

	/** One kill: the instance's base URL. */
	record Kill(String service, String url) {
	}

	/**
	 * The kills of a run, in order: {@code perService} kills of each service in
	 * {@code services} (their first instances' URLs), round by round, a round killing one
	 * instance of each service, the instances of a service taking turns.
	 */
	static List<Kill> plan(List<String> services, int instances, int perService) {
		List<Kill> kills = new ArrayList<>();
		for (int round = 0; round < perService; round++) {
			for (String first : services) {
				kills.add(new Kill(first, Instances.url(first, round % instances + 1)));
			}
		}
		return kills;
	}

	/**
	 * Runs {@code kills}: finds the instance's process ({@code pidOf} its URL), kills it,
	 * polls {@code ready} every 50 ms; the milliseconds from each kill to readiness,
	 * ascending. A kill whose instance is not found, or not back within 3 minutes, counts
	 * as 3 minutes.
	 */
	static List<Double> measure(List<Kill> kills, Function<String, OptionalLong> pidOf, Predicate<String> ready) {
		List<Double> durations = new ArrayList<>();
		Map<String, Long> lastKill = new HashMap<>();
		for (Kill kill : kills) {
			Long previous = lastKill.get(kill.url());
			if (previous != null) {
				LockSupport.parkNanos(Math.max(0, previous + SPACING.toNanos() - System.nanoTime()));
			}
			OptionalLong pid = pidOf.apply(kill.url());
			if (pid.isEmpty()) {
				durations.add((double) GIVE_UP.toMillis());
				continue;
			}
			long start = System.nanoTime();
			ProcessHandle.of(pid.getAsLong()).ifPresent(ProcessHandle::destroyForcibly);
			lastKill.put(kill.url(), start);
			// the killed process may answer for a moment still; wait until it does not
			while (ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)
					&& System.nanoTime() - start < GIVE_UP.toNanos()) {
				LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
			}
			while (!ready.test(kill.url() + "/actuator/health/readiness")
					&& System.nanoTime() - start < GIVE_UP.toNanos()) {
				LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
			}
			double ms = (System.nanoTime() - start) / 1e6;
			durations.add(ms);
			System.out.printf("  %s back in %.0f ms%n", kill.url(), ms);
		}
		Collections.sort(durations);
		return durations;
	}

}
