package org.decoop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * How quiet the machine is before a baseline: the share of CPU time idle over a few
 * seconds ({@code /proc/stat}, every core) and the load average. A baseline taken while
 * the stack is still busy (its JIT compiling, a second instance starting) understates the
 * machine, so the baselines wait for it to be quiet, up to a limit, and the report says
 * how quiet it was.
 */
final class Quiet {

	/** Idle enough: at least this share of the CPU time. */
	static final double IDLE = 0.80;

	private static final Duration WINDOW = Duration.ofSeconds(5);

	private Quiet() {
	}

	/** What was measured last: the idle share (0..1) and the 1-minute load average. */
	record State(double idle, double loadAverage) {

		boolean quiet() {
			return idle >= IDLE;
		}

	}

	/**
	 * Waits until a window of 5 s is at least 80 % idle, or {@code atMost} has passed;
	 * the last window's figures.
	 */
	static State await(Duration atMost) throws IOException {
		long deadline = System.nanoTime() + atMost.toNanos();
		State state = window();
		while (!state.quiet() && System.nanoTime() < deadline) {
			state = window();
		}
		return state;
	}

	private static State window() throws IOException {
		long[] before = cpu();
		LockSupport.parkNanos(WINDOW.toNanos());
		long[] after = cpu();
		return new State(idleShare(before, after), loadAverage());
	}

	/**
	 * The idle share (idle and iowait) of the CPU time between two readings of
	 * {@code /proc/stat}'s first line; 1 when no time passed.
	 */
	static double idleShare(long[] before, long[] after) {
		long total = Arrays.stream(after).sum() - Arrays.stream(before).sum();
		long idle = (after[3] + after[4]) - (before[3] + before[4]);
		return total <= 0 ? 1 : (double) idle / total;
	}

	/** user, nice, system, idle, iowait, irq, softirq, steal of every core together. */
	private static long[] cpu() throws IOException {
		String first = Files.readAllLines(Path.of("/proc/stat")).getFirst();
		return Arrays.stream(first.trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
	}

	private static double loadAverage() throws IOException {
		return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

}
