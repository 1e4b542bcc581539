package org.decoop.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

	@Test
	void percentileIsTheNearestRank() {
		List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
		assertThat(Latencies.percentile(sorted, 0.50)).isEqualTo(5.0);
		assertThat(Latencies.percentile(sorted, 0.99)).isEqualTo(10.0);
		assertThat(Latencies.percentile(sorted, 0.0)).isEqualTo(1.0);
		assertThat(Latencies.percentile(List.of(), 0.5)).isZero();
	}

	@Test
	void theGatewaysAddedLatencyIsTheDifferenceOfTheSamePercentiles() {
		// unsorted, as the interleaved samples come
		List<Double> direct = List.of(9.0, 5.0, 6.0, 7.0, 30.0, 5.5, 6.5, 8.0, 7.5, 6.0);
		List<Double> throughGateway = List.of(7.0, 8.0, 6.5, 9.0, 10.0, 45.0, 7.5, 8.5, 7.0, 9.5);

		assertThat(Latencies.added(direct, throughGateway, 0.50)).isEqualTo(8.0 - 6.5);
		assertThat(Latencies.added(direct, throughGateway, 0.99)).isEqualTo(45.0 - 30.0);
		// the samples are left as they were
		assertThat(direct.getFirst()).isEqualTo(9.0);
	}

	@Test
	void aGatewayWithinTheNoiseAddsANegativeFigureNotZero() {
		assertThat(Latencies.added(List.of(5.0, 6.0), List.of(4.0, 5.5), 0.50)).isEqualTo(-1.0);
	}

	@Test
	void answerToArrivalCountsOnlyTheNotificationsThatArrivedInMilliseconds() {
		Map<String, Long> answeredAt = Map.of("a", 1_000_000L, "b", 2_000_000L, "lost", 3_000_000L, "early",
				10_000_000L);
		Map<String, Long> arrivals = Map.of("a", 6_000_000L, "b", 4_500_000L, "early", 9_000_000L);

		List<Double> latencies = Latencies.answerToArrival(answeredAt,
				subject -> Optional.ofNullable(arrivals.get(subject)));

		// ascending; "lost" never arrived; "early" was read before its answer: 0, not
		// negative
		assertThat(latencies).containsExactly(0.0, 2.5, 5.0);
	}

}
