package org.decoop.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

	@TempDir
	Path out;

	/** The figures every run has, as a run puts them. */
	private static Report measured() {
		Report report = new Report();
		report.baselines.put("kafkaProducerRecordsPerSec", 40_000.0);
		report.baselines.put("kafkaEndToEndP99Ms", 12.0);
		report.baselines.put("trivialHttpRequestsPerSec", 2_000.0);
		report.baselines.put("storeUpdateByIdPerSec", 2_500.0);
		report.results.put("commandRequestsPerSec", 150.0);
		report.results.put("gatewayCommandRequestsPerSec", 120.0);
		report.results.put("relayEventsPerSec", 700.0);
		report.results.put("pipelineEventsPerSec", 80.0);
		report.results.put("pipelineLatencyP50Ms", 9.0);
		report.results.put("pipelineLatencyP99Ms", 300.0);
		report.results.put("listP50MsAt1k", 20.0);
		report.results.put("listP50MsAt100k", 250.0);
		return report;
	}

	@Test
	void aTwoInstanceRunShowsAndWritesTheFrontDoorFigures() throws Exception {
		Report report = measured();
		report.results.put("crossInstanceStreamP50Ms", 140.0);
		report.results.put("crossInstanceStreamP99Ms", 420.0);
		report.results.put("gatewayAddedP50Ms", 1.4);
		report.results.put("gatewayAddedP99Ms", 6.5);
		report.results.put("instancesPerService", 2.0);
		report.results.put("stackRssMb", 3_400.0);
		report.computeRatios();

		String table = report.table();
		assertThat(table).contains("| gateway added latency p50 (ms) | 1.40 | < 2 | yes |")
			.contains("| commands through the gateway ÷ direct | 0.80 |")
			.contains("2 instance(s) of each service: gateway added p50 1.40 ms, p99 6.50 ms;")
			.contains("cross-instance stream p50 140 ms, p99 420 ms");

		report.write(out);
		JsonNode json = Api.JSON.readTree(Files.readString(out.resolve("bench-report.json")));
		assertThat(json.get("results").get("gatewayAddedP50Ms").asDouble()).isEqualTo(1.4);
		assertThat(json.get("results").get("gatewayAddedP99Ms").asDouble()).isEqualTo(6.5);
		assertThat(json.get("results").get("crossInstanceStreamP50Ms").asDouble()).isEqualTo(140.0);
		assertThat(json.get("results").get("crossInstanceStreamP99Ms").asDouble()).isEqualTo(420.0);
		assertThat(json.get("results").get("instancesPerService").asDouble()).isEqualTo(2.0);
		// every key a report had before stays
		assertThat(json.get("results").get("commandRequestsPerSec").asDouble()).isEqualTo(150.0);
		assertThat(json.get("ratios").get("P4").asDouble()).isEqualTo(0.075);
		assertThat(Files.readString(out.resolve("bench-report.html")))
			.contains("Through the front door (2 instance(s) of each service)")
			.contains(">crossInstanceStreamP99Ms<");
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
