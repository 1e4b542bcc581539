package org.decoop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a run found: the table printed at the end, {@code bench-report.json} (numbers
 * only, the keys DESIGN.md names) and {@code bench-report.html} (the same figures and
 * three charts drawn as inline SVG, readable offline: throughput over time, latency
 * percentiles, backlog over time).
 */
final class Report {

	final Map<String, Double> baselines = new LinkedHashMap<>();

	final Map<String, Double> results = new LinkedHashMap<>();

	final Map<String, Double> ratios = new LinkedHashMap<>();

	/** Per second of the sustained phase: commands answered, notifications received. */
	final List<double[]> throughput = new ArrayList<>();

	/**
	 * Per tenth of a second of the relay's drain, and per second of the sustained phase:
	 * events waiting.
	 */
	final List<double[]> relayBacklog = new ArrayList<>();

	final List<double[]> pipelineBacklog = new ArrayList<>();

	/** Latency percentiles (p50, p90, p99, p99.9, max) of the pipeline, in ms. */
	final Map<String, Double> latency = new LinkedHashMap<>();

	final Map<String, Long> memory = new LinkedHashMap<>();

	/**
	 * The processes the memory goal names; the table also gives the whole stack's figure,
	 * which the goal row checks.
	 */
	private static final Set<String> CORE = Set.of("kafka", "store", "keycloak", "partnership-service", "plan-service",
			"notification-service");

	final List<String> notes = new ArrayList<>();

	void computeRatios() {
		ratios.put("P1", figure(results, "relayEventsPerSec") / figure(baselines, "storeUpdateByIdPerSec"));
		ratios.put("P2", figure(results, "pipelineEventsPerSec") / figure(results, "commandRequestsPerSec"));
		ratios.put("P3", figure(results, "pipelineLatencyP99Ms") - figure(baselines, "kafkaEndToEndP99Ms"));
		ratios.put("P4", figure(results, "commandRequestsPerSec") / figure(baselines, "trivialHttpRequestsPerSec"));
		ratios.put("P5", figure(results, "listP50MsAt100k") / figure(results, "listP50MsAt1k"));
	}

	String table() {
		StringBuilder text = new StringBuilder();
		text.append("| figure | value |\n|---|---|\n");
		baselines.forEach((key, value) -> text.append("| baseline %s | %s |\n".formatted(key, format(value))));
		results.forEach((key, value) -> text.append("| %s | %s |\n".formatted(key, format(value))));
		text.append("\n| goal | ratio | target | met |\n|---|---|---|---|\n");
		row(text, "P1 relay ÷ store update-by-id", figure(ratios, "P1"), "≥ 0.25", figure(ratios, "P1") >= 0.25);
		row(text, "P2 pipeline ÷ command rate", figure(ratios, "P2"), "≥ 0.50", figure(ratios, "P2") >= 0.5);
		row(text, "P3 pipeline p99 − Kafka e2e p99 (ms)", figure(ratios, "P3"), "≤ 50", figure(ratios, "P3") <= 50);
		row(text, "P4 command ÷ trivial endpoint", figure(ratios, "P4"), "≥ 0.25", figure(ratios, "P4") >= 0.25);
		row(text, "P5 list p50 at large ÷ at 1k", figure(ratios, "P5"), "≤ 2", figure(ratios, "P5") <= 2);
		row(text, "memory: stack RSS (MB)", figure(results, "stackRssMb"), "< 2560",
				figure(results, "stackRssMb") < 2560);
		lean(text);
		frontDoor(text);
		if (!memory.isEmpty()) {
			text.append("\nresident memory by process (MB): ").append(memory).append('\n');
			long core = memory.entrySet()
				.stream()
				.filter(entry -> CORE.contains(entry.getKey()))
				.mapToLong(Map.Entry::getValue)
				.sum();
			text.append(
					"of which Kafka, the store, Keycloak and the three services: %d MB; the rest (Zipkin, GreenMail, the launcher) %d MB%n"
						.formatted(core, memory.values().stream().mapToLong(Long::longValue).sum() - core));
		}
		notes.forEach(note -> text.append("- ").append(note).append('\n'));
		return text.toString();
	}

	/**
	 * Lean, quick instances' rows (issue 29), for the figures this run has: back in
	 * seconds after a SIGKILL, the largest service instance, and the stack's processes
	 * the memory goal names (2.5 GB with one instance of each service, 3.5 GB with two).
	 */
	private void lean(StringBuilder text) {
		Double p50 = results.get("restartToReadyP50Ms");
		Double max = results.get("restartToReadyMaxMs");
		if (p50 != null && max != null) {
			row(text, "back in seconds: SIGKILL → ready p50 (ms)", p50, "≤ 5000", p50 <= 5000);
			row(text, "back in seconds: SIGKILL → ready max (ms)", max, "≤ 5000", max <= 5000);
		}
		Double largest = results.get("serviceRssMaxMb");
		if (largest != null) {
			row(text, "memory: largest service instance RSS (MB)", largest, "< 300", largest < 300);
		}
		if (!memory.isEmpty()) {
			double instances = results.getOrDefault("instancesPerService", 1.0);
			long budget = instances > 1 ? 3500 : 2500;
			long goal = memory.entrySet()
				.stream()
				.filter(entry -> CORE.contains(entry.getKey()) || entry.getKey().equals("gateway"))
				.mapToLong(Map.Entry::getValue)
				.sum();
			row(text, "memory: services, gateway, Kafka, store, Keycloak (MB)", goal, "< " + budget, goal < budget);
		}
	}

	/**
	 * The front door's rows, for the figures this run has: the gateway's added latency
	 * (goal: under 2 ms at p50), commands through it against direct, and the stream
	 * latency on the second instance.
	 */
	private void frontDoor(StringBuilder text) {
		Double addedP50 = results.get("gatewayAddedP50Ms");
		if (addedP50 != null) {
			row(text, "gateway added latency p50 (ms)", addedP50, "< 2", addedP50 < 2);
		}
		Double throughGateway = results.get("gatewayCommandRequestsPerSec");
		Double direct = results.get("commandRequestsPerSec");
		if (throughGateway != null && direct != null && direct > 0) {
			text.append("| commands through the gateway ÷ direct | %s | — | — |\n"
				.formatted(format(throughGateway / direct)));
		}
		Double instances = results.get("instancesPerService");
		if (instances != null) {
			text.append(
					"\nthrough the front door, %.0f instance(s) of each service: gateway added p50 %s ms, p99 %s ms;"
						.formatted(instances, shown("gatewayAddedP50Ms"), shown("gatewayAddedP99Ms")))
				.append(" commands %s/s through the gateway, %s/s direct; cross-instance stream p50 %s ms, p99 %s ms\n"
					.formatted(shown("gatewayCommandRequestsPerSec"), shown("commandRequestsPerSec"),
							shown("crossInstanceStreamP50Ms"), shown("crossInstanceStreamP99Ms")));
		}
	}

	/** A result as the table shows it; "—" for one this run could not measure. */
	private String shown(String key) {
		Double value = results.get(key);
		return value == null ? "—" : format(value);
	}

	/** A figure the run measured before it is used; a phase that did not run has none. */
	static double figure(Map<String, Double> figures, String key) {
		Double value = figures.get(key);
		if (value == null) {
			throw new IllegalStateException("No " + key + " was measured");
		}
		return value;
	}

	private static void row(StringBuilder text, String goal, double value, String target, boolean met) {
		text.append("| %s | %s | %s | %s |\n".formatted(goal, format(value), target, met ? "yes" : "no"));
	}

	private static String format(double value) {
		return Math.abs(value) >= 100 ? "%.0f".formatted(value) : "%.2f".formatted(value);
	}

	void write(Path directory) throws IOException {
		Files.createDirectories(directory);
		ObjectNode json = Api.JSON.createObjectNode();
		ObjectNode b = json.putObject("baselines");
		baselines.forEach(b::put);
		ObjectNode r = json.putObject("results");
		results.forEach(r::put);
		ObjectNode p = json.putObject("ratios");
		ratios.forEach(p::put);
		Files.writeString(directory.resolve("bench-report.json"),
				Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
		Files.writeString(directory.resolve("bench-report.html"), html());
	}

	private String html() {
		StringBuilder page = new StringBuilder(
				"""
						<!doctype html><html><head><meta charset="utf-8"><title>decoop benchmark</title>
						<style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}
						table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
						td:first-child,th:first-child{text-align:left}h2{margin-top:2em}svg{background:#fafafa;border:1px solid #ddd}</style>
						</head><body><h1>decoop benchmark</h1>
						""");
		page.append("<pre>").append(escape(table())).append("</pre>");
		page.append(
				"<h2>Throughput over time (sustained phase)</h2><p>commands answered per second (blue), notifications")
			.append(" received by the SSE client per second (orange)</p>");
		page.append(
				lineChart(List.of(column(throughput, 1), column(throughput, 2)), column(throughput, 0), "s", "per s"));
		page.append("<h2>Latency: command answered → notification on an SSE client (open loop)</h2>");
		page.append(barChart(latency, "ms"));
		page.append(
				"<h2>Backlog over time</h2><p>events waiting for the relay while it drains a backlog (blue, per 0.1 s),")
			.append(" and commands answered but not yet notified during the sustained phase (orange, per s)</p>");
		page.append(lineChart(List.of(column(relayBacklog, 1)), column(relayBacklog, 0), "s", "events"));
		page.append(lineChart(List.of(column(pipelineBacklog, 1)), column(pipelineBacklog, 0), "s", "notifications"));
		Map<String, Double> frontDoor = new LinkedHashMap<>();
		List.of("gatewayAddedP50Ms", "gatewayAddedP99Ms", "pipelineLatencyP50Ms", "gatewayPipelineLatencyP50Ms",
				"crossInstanceStreamP50Ms", "pipelineLatencyP99Ms", "gatewayPipelineLatencyP99Ms",
				"crossInstanceStreamP99Ms")
			.forEach(key -> {
				Double value = results.get(key);
				if (value != null) {
					frontDoor.put(key, value);
				}
			});
		Map<String, Double> restarts = new LinkedHashMap<>();
		List.of("restartToReadyP50Ms", "restartToReadyMaxMs").forEach(key -> {
			Double value = results.get(key);
			if (value != null) {
				restarts.put(key, value);
			}
		});
		if (!restarts.isEmpty()) {
			page.append("<h2>Back in seconds</h2><p>from an instance's SIGKILL to its readiness UP under the local")
				.append(" stack's supervisor (goal: 5 000 ms at p50 and max)</p>");
			page.append(barChart(restarts, "ms"));
		}
		Double largest = results.get("serviceRssMaxMb");
		if (largest != null) {
			page.append("<h2>Memory</h2><p>the largest service instance's resident memory (goal: under 300 MB),")
				.append(" and every process of the stack</p>");
			Map<String, Double> resident = new LinkedHashMap<>();
			resident.put("serviceRssMaxMb", largest);
			memory.forEach((name, mb) -> resident.put(name, (double) mb));
			page.append(barChart(resident, "MB"));
		}
		if (!frontDoor.isEmpty()) {
			Double instances = results.get("instancesPerService");
			page.append("<h2>Through the front door (%s instance(s) of each service)</h2>"
				.formatted(instances == null ? "—" : "%.0f".formatted(instances)))
				.append("<p>what the gateway adds to a command, and the command → notification latency on an SSE client")
				.append(" connected directly, through the gateway and to the second instance</p>");
			page.append(barChart(frontDoor, "ms"));
		}
		return page.append("</body></html>\n").toString();
	}

	private static List<Double> column(List<double[]> rows, int index) {
		return rows.stream().map(row -> row[index]).toList();
	}

	private static final String[] COLOURS = { "#1f77b4", "#ff7f0e" };

	private static String lineChart(List<List<Double>> series, List<Double> x, String xUnit, String yUnit) {
		int width = 900;
		int height = 260;
		int left = 60;
		int bottom = 30;
		double maxX = x.stream().mapToDouble(Double::doubleValue).max().orElse(1);
		double maxY = series.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(1);
		maxX = maxX <= 0 ? 1 : maxX;
		maxY = maxY <= 0 ? 1 : maxY;
		StringBuilder svg = new StringBuilder("<svg width=\"%d\" height=\"%d\">".formatted(width, height));
		svg.append("<text x=\"5\" y=\"15\" font-size=\"11\">%s %s</text>".formatted(format(maxY), yUnit));
		svg.append("<text x=\"%d\" y=\"%d\" font-size=\"11\">%s %s</text>".formatted(width - 80, height - 5,
				format(maxX), xUnit));
		svg.append("<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>".formatted(left, left,
				height - bottom));
		svg.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>".formatted(left, height - bottom,
				width - 10, height - bottom));
		for (int s = 0; s < series.size(); s++) {
			StringBuilder points = new StringBuilder();
			List<Double> values = series.get(s);
			for (int i = 0; i < values.size() && i < x.size(); i++) {
				double px = left + (width - left - 10) * x.get(i) / maxX;
				double py = (height - bottom) - (height - bottom - 10) * values.get(i) / maxY;
				points.append("%.1f,%.1f ".formatted(px, py));
			}
			svg.append("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>"
				.formatted(COLOURS[s % 2], points));
		}
		return svg.append("</svg>").toString();
	}

	private static String barChart(Map<String, Double> bars, String unit) {
		int width = 900;
		int height = 40 + 30 * bars.size();
		double max = bars.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
		max = max <= 0 ? 1 : max;
		StringBuilder svg = new StringBuilder("<svg width=\"%d\" height=\"%d\">".formatted(width, height));
		// the bars start after the longest label; a negative figure (a difference within
		// the noise) draws none
		int left = Math.max(80, 10 + 7 * bars.keySet().stream().mapToInt(String::length).max().orElse(0));
		int y = 10;
		for (Map.Entry<String, Double> bar : bars.entrySet()) {
			double length = Math.max(0, (width - 140 - left) * bar.getValue() / max);
			svg.append("<text x=\"5\" y=\"%d\" font-size=\"12\">%s</text>".formatted(y + 15, bar.getKey()));
			svg.append("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"#1f77b4\"/>".formatted(left, y,
					length));
			svg.append("<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s %s</text>".formatted(left + 5 + length, y + 15,
					format(bar.getValue()), unit));
			y += 30;
		}
		return svg.append("</svg>").toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
