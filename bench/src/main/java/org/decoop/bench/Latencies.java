package org.decoop.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The latency arithmetic of a run: percentiles of samples, the time from each command's
 * answer to its notification on one SSE client, and what the gateway adds to a request.
 */
final class Latencies {

	private Latencies() {
	}

	/**
	 * The nearest-rank percentile of {@code sorted} (ascending); 0 when there is no
	 * sample.
	 */
	static double percentile(List<Double> sorted, double quantile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)));
	}

	/**
	 * Milliseconds from each command's answer to the arrival of its notification
	 * ({@link System#nanoTime()} both), ascending; a notification that never arrived is
	 * left out (the caller counts them), one that arrived before the answer counts 0.
	 */
	static List<Double> answerToArrival(Map<String, Long> answeredAt, Function<String, Optional<Long>> arrivalOf) {
		List<Double> latencies = new ArrayList<>();
		answeredAt.forEach((subject, answered) -> arrivalOf.apply(subject)
			.ifPresent(arrived -> latencies.add(Math.max(0, arrived - answered) / 1e6)));
		Collections.sort(latencies);
		return latencies;
	}

	/**
	 * What going through the gateway adds at {@code quantile}: that percentile of the
	 * requests sent through it minus the same percentile of the same requests sent to an
	 * instance directly (interleaved, so that both saw the same stack). Negative when the
	 * difference is within the noise.
	 */
	static double added(List<Double> direct, List<Double> throughGateway, double quantile) {
		return percentile(sorted(throughGateway), quantile) - percentile(sorted(direct), quantile);
	}

	private static List<Double> sorted(List<Double> samples) {
		List<Double> copy = new ArrayList<>(samples);
		Collections.sort(copy);
		return copy;
	}

}
