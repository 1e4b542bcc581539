package org.decoop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReportTest {

	@TempDir
	Path out;

	/** The figures every run has, as a run puts them. */
	private static Report measured() {
		Report report = new Report();
		report.baselines.putAll(Map.of("kafkaProducerRecordsPerSec", 40_000.0, "kafkaEndToEndP99Ms", 12.0,
				"trivialHttpRequestsPerSec", 2_000.0, "storeUpdateByIdPerSec", 2_500.0));
		report.results.putAll(Map.of("commandRequestsPerSec", 150.0, "gatewayCommandRequestsPerSec", 120.0,
				"relayEventsPerSec", 700.0, "pipelineEventsPerSec", 80.0, "pipelineLatencyP50Ms", 9.0,
				"pipelineLatencyP99Ms", 300.0, "listP50MsAt1k", 20.0, "listP50MsAt100k", 250.0));
		return report;
	}

	@Test
	void aTwoInstanceRunShowsAndWritesTheFrontDoorFigures() throws Exception {
		Report report = measured();
		report.results.putAll(Map.of("crossInstanceStreamP50Ms", 140.0, "crossInstanceStreamP99Ms", 420.0,
				"gatewayAddedP50Ms", 1.4, "gatewayAddedP99Ms", 6.5, "instancesPerService", 2.0, "stackRssMb", 3_400.0));
		report.computeRatios();

		String table = report.table();
		assertThat(table).contains("| gateway added latency p50 (ms) | 1.40 | < 2 | yes |")
			.contains("| commands through the gateway ÷ direct | 0.80 |")
			.contains("2 instance(s) of each service: gateway added p50 1.40 ms, p99 6.50 ms;")
			.contains("cross-instance stream p50 140 ms, p99 420 ms");

		report.write(out);
		JsonNode json = Api.JSON.readTree(Files.readString(out.resolve("bench-report.json")));
		// every key a report had before stays
		assertThat(json.get("results").properties()).extracting(Map.Entry::getKey, (e) -> e.getValue().asDouble())
			.contains(tuple("gatewayAddedP50Ms", 1.4), tuple("gatewayAddedP99Ms", 6.5),
					tuple("crossInstanceStreamP50Ms", 140.0), tuple("crossInstanceStreamP99Ms", 420.0),
					tuple("instancesPerService", 2.0), tuple("commandRequestsPerSec", 150.0));
		assertThat(json.get("ratios").get("P4").asDouble()).isEqualTo(0.075);
		assertThat(Files.readString(out.resolve("bench-report.html")))
			.contains("Through the front door (2 instance(s) of each service)")
			.contains(">crossInstanceStreamP99Ms<");
	}

	@Test
	void aRunShowsAndWritesHowFastInstancesComeBackAndHowLargeTheyAre() throws Exception {
		Report report = measured();
		report.results.putAll(Map.of("restartToReadyP50Ms", 4_200.0, "restartToReadyMaxMs", 6_100.0, "serviceRssMaxMb",
				280.0, "gatewayAddedP50Ms", 1.4, "instancesPerService", 1.0, "stackRssMb", 2_700.0));
		report.memory.putAll(Map.of("partnership-service", 280L, "plan-service", 250L, "notification-service", 270L,
				"gateway", 200L, "kafka", 400L, "store", 600L, "keycloak", 450L, "zipkin", 250L));
		report.computeRatios();

		assertThat(report.table()).contains("| back in seconds: SIGKILL → ready p50 (ms) | 4200 | ≤ 5000 | yes |")
			.contains("| back in seconds: SIGKILL → ready max (ms) | 6100 | ≤ 5000 | no |")
			.contains("| memory: largest service instance RSS (MB) | 280 | < 300 | yes |")
			.contains("| memory: services, gateway, Kafka, store, Keycloak (MB) | 2450 | < 2500 | yes |");
		report.write(out);
		JsonNode results = Api.JSON.readTree(Files.readString(out.resolve("bench-report.json"))).get("results");
		assertThat(results.properties()).extracting(Map.Entry::getKey, (e) -> e.getValue().asDouble())
			.contains(tuple("restartToReadyP50Ms", 4_200.0), tuple("restartToReadyMaxMs", 6_100.0),
					tuple("serviceRssMaxMb", 280.0), tuple("gatewayAddedP50Ms", 1.4),
					tuple("commandRequestsPerSec", 150.0));
		assertThat(Files.readString(out.resolve("bench-report.html"))).contains("<h2>Back in seconds</h2>")
			.contains(">restartToReadyMaxMs<")
			.contains(">serviceRssMaxMb<");
	}

	@Test
	void aGatewayAddingTooMuchMissesTheGoalAndOneInstanceHasNoCrossInstanceFigure() {
		Report report = measured();
		report.results.put("gatewayAddedP50Ms", 3.2);
		report.results.put("gatewayAddedP99Ms", 9.0);
		report.results.put("instancesPerService", 1.0);
		report.results.put("stackRssMb", 2_400.0);
		report.computeRatios();

		assertThat(report.table()).contains("| gateway added latency p50 (ms) | 3.20 | < 2 | no |")
			.contains("cross-instance stream p50 — ms, p99 — ms");
	}

}
