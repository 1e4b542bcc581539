package org.decoop.platform.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

/**
 * What MongoDB's {@code explain} (verbosity {@code queryPlanner}) says of a winning plan:
 * its stages, the indexes it reads, whether it scans the collection or sorts in memory.
 * Reads the shapes MongoDB 7 and 8 answer: the classic engine's stage tree, the
 * slot-based engine's {@code queryPlan}, the express stages of {@code _id} lookups (8.0),
 * the {@code $cursor} of an aggregation, and a sharded cluster's plan per shard (under
 * {@code SHARDING_FILTER}).
 */
public record QueryPlan(List<String> stages, Set<String> indexes) {

	/**
	 * Stages that read an index: a scan of its keys, or one of the lookups that go
	 * straight to a key.
	 */
	private static final Set<String> INDEX_STAGES = Set.of("IXSCAN", "IDHACK", "EXPRESS_IXSCAN",
			"EXPRESS_CLUSTERED_IXSCAN", "EXPRESS_UPDATE", "EXPRESS_DELETE", "COUNT_SCAN", "DISTINCT_SCAN");

	/**
	 * A count without a filter: answered from the collection's metadata, no document
	 * read.
	 */
	private static final String FAST_COUNT = "RECORD_STORE_FAST_COUNT";

	/**
	 * What the plans hold besides the winning plan's stages: the candidates that lost,
	 * the engine's own plan, the echo of the command.
	 */
	private static final Set<String> NOT_THE_WINNING_PLAN = Set.of("rejectedPlans", "slotBasedPlan", "command",
			"parsedQuery", "serverInfo", "serverParameters", "queryShape", "optimizedPipeline");

	/** The plan of one explain answer. */
	public static QueryPlan of(Document explain) {
		List<String> stages = new ArrayList<>();
		Set<String> indexes = new LinkedHashSet<>();
		visit(explain, stages, indexes);
		return new QueryPlan(List.copyOf(stages), Set.copyOf(indexes));
	}

	private static void visit(Object node, List<String> stages, Set<String> indexes) {
		if (node instanceof Document document) {
			if (document.get("stage") instanceof String stage) {
				stages.add(stage);
				if (document.get("indexName") instanceof String index) {
					indexes.add(index);
				}
			}
			for (Map.Entry<String, Object> field : document.entrySet()) {
				if (!NOT_THE_WINNING_PLAN.contains(field.getKey())) {
					visit(field.getValue(), stages, indexes);
				}
			}
		}
		else if (node instanceof List<?> list) {
			for (Object element : list) {
				// an aggregation stage that MongoDB did not push into the query
				// ({"$sort": ...}, {"$group": ...})
				if (element instanceof Document stage && !stage.isEmpty()
						&& stage.keySet().iterator().next().startsWith("$") && !stage.containsKey("$cursor")) {
					stages.add(stage.keySet().iterator().next());
				}
				visit(element, stages, indexes);
			}
		}
	}

	public boolean scansCollection() {
		return stages.contains("COLLSCAN");
	}

	/**
	 * A blocking sort of the documents or keys read, in the query or in the aggregation
	 * after it.
	 */
	public boolean sortsInMemory() {
		return stages.contains("SORT") || stages.contains("$sort");
	}

	public boolean usesIndex() {
		return stages.stream().anyMatch(INDEX_STAGES::contains);
	}

	/**
	 * No stage at all but {@code EOF}: the collection does not exist, so nothing was
	 * planned.
	 */
	public boolean planless() {
		return stages.stream().allMatch("EOF"::equals);
	}

	/**
	 * What keeps the plan from being read from an index without a sort in memory; empty
	 * when nothing does.
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (planless()) {
			problems.add("no plan (EOF: the collection does not exist)");
			return problems;
		}
		if (scansCollection()) {
			problems.add("COLLSCAN");
		}
		if (sortsInMemory()) {
			problems.add("a SORT in memory");
		}
		if (!usesIndex() && !stages.contains(FAST_COUNT) && !scansCollection()) {
			problems.add("no index read");
		}
		return problems;
	}

	@Override
	public String toString() {
		return "stages " + stages + (indexes.isEmpty() ? "" : ", indexes " + indexes);
	}
}
