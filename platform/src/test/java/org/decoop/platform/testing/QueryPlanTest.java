package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Reads the plans of explain answers as MongoDB 7 and 8 give them (abridged, their shapes
 * kept).
 */
class QueryPlanTest {

	@Test
	void aPageReadFromACompoundIndexIsFineAndTheRejectedPlansDoNotCount() {
		QueryPlan plan = explained(
				"""
						{explainVersion: "1", queryPlanner: {namespace: "partnerships.partnerships", indexFilterSet: false,
						  parsedQuery: {status: {$eq: "ACTIVE"}}, queryHash: "8D1C5A2B", planCacheKey: "62AE0A9C",
						  winningPlan: {stage: "LIMIT", limitAmount: 20, inputStage: {stage: "FETCH", inputStage: {
						    stage: "IXSCAN", keyPattern: {status: 1, establishedAt: -1, _id: 1}, indexName: "by_status",
						    isMultiKey: false, direction: "forward", indexBounds: {status: ["[\\"ACTIVE\\", \\"ACTIVE\\"]"]}}}},
						  rejectedPlans: [{stage: "SORT", sortPattern: {establishedAt: -1, _id: 1}, inputStage: {stage: "COLLSCAN"}}]},
						 command: {find: "partnerships", filter: {status: "ACTIVE"}, sort: {establishedAt: -1, _id: 1}, limit: 20},
						 serverInfo: {host: "mongo", port: 27017, version: "7.0.14"}, ok: 1}""");

		assertThat(plan.stages()).containsExactly("LIMIT", "FETCH", "IXSCAN");
		assertThat(plan.indexes()).containsExactly("by_status");
		assertThat(plan.problems()).isEmpty();
	}

	@Test
	void aSortUnderFetchIsASortInMemory() {
		QueryPlan plan = explained("""
				{queryPlanner: {winningPlan: {stage: "FETCH", inputStage: {stage: "SORT", sortPattern: {seq: 1},
				  memLimit: 104857600, type: "default", inputStage: {stage: "IXSCAN", keyPattern: {subscriptionId: 1},
				  indexName: "subscriptionId_1"}}}, rejectedPlans: []}, ok: 1}""");

		assertThat(plan.usesIndex()).isTrue();
		assertThat(plan.problems()).containsExactly("a SORT in memory");
	}

	@Test
	void theSlotBasedEnginesPlanIsReadFromItsQueryPlan() {
		QueryPlan plan = explained(
				"""
						{explainVersion: "2", queryPlanner: {winningPlan: {queryPlan: {stage: "SORT", planNodeId: 2,
						  sortPattern: {openUntil: 1}, inputStage: {stage: "COLLSCAN", planNodeId: 1, filter: {status: {$eq: "OPEN"}},
						  direction: "forward"}}, slotBasedPlan: {slots: "$$RESULT=s5", stages: "[2] sort [s4] [asc] [s5] [1] scan s5 s6"}},
						  rejectedPlans: []}, ok: 1}""");

		assertThat(plan.problems()).containsExactly("COLLSCAN", "a SORT in memory");
	}

	@Test
	void theExpressLookupsOfMongoDb8ByIdUseTheIdIndex() {
		QueryPlan find = explained(
				"""
						{explainVersion: "1", queryPlanner: {namespace: "plans.plans", parsedQuery: {_id: {$eq: "p-1"}},
						  indexFilterSet: false, planCacheShapeHash: "A1B2", optimizationTimeMillis: 0, prunedSimilarIndexes: false,
						  winningPlan: {isCached: false, stage: "EXPRESS_IXSCAN", keyPattern: "{ _id: 1 }", indexName: "_id_"},
						  rejectedPlans: []}, serverInfo: {version: "8.0.4"}, ok: 1}""");
		QueryPlan update = explained("""
				{queryPlanner: {winningPlan: {isCached: false, stage: "EXPRESS_UPDATE", keyPattern: "{ _id: 1 }",
				  indexName: "_id_"}, rejectedPlans: []}, ok: 1}""");
		QueryPlan delete = explained("""
				{queryPlanner: {winningPlan: {isCached: false, stage: "EXPRESS_DELETE", keyPattern: "{ _id: 1 }",
				  indexName: "_id_"}, rejectedPlans: []}, ok: 1}""");

		assertThat(find.indexes()).containsExactly("_id_");
		assertThat(find.problems()).isEmpty();
		assertThat(update.problems()).isEmpty();
		assertThat(delete.problems()).isEmpty();
	}

	@Test
	void theIdHackOfMongoDb7UnderAnUpdateIsAnIdLookup() {
		QueryPlan plan = explained("""
				{queryPlanner: {namespace: "notifications.delivery_queue", winningPlan: {stage: "UPDATE",
				  inputStage: {stage: "IDHACK"}}, rejectedPlans: []}, serverInfo: {version: "7.0.14"}, ok: 1}""");

		assertThat(plan.stages()).containsExactly("UPDATE", "IDHACK");
		assertThat(plan.problems()).isEmpty();
	}

	@Test
	void aShardedPlanIsReadPerShardThroughItsShardingFilter() {
		QueryPlan plan = explained(
				"""
						{queryPlanner: {mongosPlannerVersion: 1, winningPlan: {stage: "SINGLE_SHARD", shards: [
						  {shardName: "rs0", connectionString: "rs0/mongo:27017", serverInfo: {version: "8.0.4"},
						   namespace: "notifications.subscriptions", indexFilterSet: false, parsedQuery: {owner: {$eq: "u1"}},
						   winningPlan: {stage: "LIMIT", inputStage: {stage: "FETCH", inputStage: {stage: "SHARDING_FILTER",
						     inputStage: {stage: "IXSCAN", keyPattern: {owner: 1, createdAt: 1, _id: 1}, indexName: "by_owner"}}}},
						   rejectedPlans: [{stage: "COLLSCAN"}]}]}}, ok: 1}""");

		assertThat(plan.stages()).contains("SHARDING_FILTER", "IXSCAN");
		assertThat(plan.indexes()).containsExactly("by_owner");
		assertThat(plan.problems()).isEmpty();
	}

	@Test
	void anAggregationsCursorAndItsStagesAfterward() {
		QueryPlan plan = explained(
				"""
						{explainVersion: "1", stages: [
						  {$cursor: {queryPlanner: {namespace: "plans.plans", winningPlan: {stage: "PROJECTION_SIMPLE",
						    inputStage: {stage: "COLLSCAN", direction: "forward"}}, rejectedPlans: []}}},
						  {$group: {_id: "$status", count: {$sum: {$const: 1}}}},
						  {$sort: {sortKey: {count: -1}}}],
						 command: {aggregate: "plans", pipeline: [{$group: {_id: "$status"}}, {$sort: {count: -1}}], cursor: {}},
						 ok: 1}""");

		assertThat(plan.stages()).containsExactly("PROJECTION_SIMPLE", "COLLSCAN", "$group", "$sort");
		assertThat(plan.problems()).containsExactly("COLLSCAN", "a SORT in memory");
	}

	@Test
	void anAggregationPushedIntoTheSlotBasedEngineOverAnIndex() {
		QueryPlan plan = explained(
				"""
						{explainVersion: "2", queryPlanner: {winningPlan: {queryPlan: {stage: "GROUP", planNodeId: 3,
						  inputStage: {stage: "FETCH", planNodeId: 2, inputStage: {stage: "IXSCAN", planNodeId: 1,
						  keyPattern: {year: -1, _id: 1}, indexName: "by_year"}}}, slotBasedPlan: {stages: "[3] group"}},
						  rejectedPlans: []},
						 command: {aggregate: "plans", pipeline: [{$match: {year: 2020}}, {$group: {_id: "$status"}}], cursor: {}}, ok: 1}""");

		assertThat(plan.indexes()).containsExactly("by_year");
		assertThat(plan.problems()).isEmpty();
	}

	@Test
	void anOrOfTwoIndexScans() {
		QueryPlan plan = explained(
				"""
						{queryPlanner: {winningPlan: {stage: "LIMIT", inputStage: {stage: "SUBPLAN", inputStage: {stage: "FETCH",
						  inputStage: {stage: "OR", inputStages: [{stage: "IXSCAN", indexName: "due_retries"},
						  {stage: "IXSCAN", indexName: "expired_leases"}]}}}}, rejectedPlans: []}, ok: 1}""");

		assertThat(plan.indexes()).containsExactlyInAnyOrder("due_retries", "expired_leases");
		assertThat(plan.problems()).isEmpty();
	}

	@Test
	void aCountWithoutFilterIsAnsweredFromMetadataAndAMissingCollectionHasNoPlan() {
		QueryPlan count = explained("{queryPlanner: {winningPlan: {stage: 'COUNT', inputStage: "
				+ "{stage: 'RECORD_STORE_FAST_COUNT'}}, rejectedPlans: []}, ok: 1}");
		QueryPlan missing = explained(
				"{queryPlanner: {winningPlan: {stage: 'EOF', type: 'nonExistentNamespace'}}, ok: 1}");

		assertThat(count.problems()).isEmpty();
		assertThat(missing.problems()).singleElement().asString().startsWith("no plan");
	}

	@Test
	void aScanWithoutSortIsACollectionScan() {
		QueryPlan plan = explained("""
				{queryPlanner: {winningPlan: {stage: "COLLSCAN", filter: {"outbox.eventId": {$exists: true}},
				  direction: "forward"}, rejectedPlans: []}, ok: 1}""");

		assertThat(plan.problems()).containsExactly("COLLSCAN");
	}

	/** The plan of an explain answer, written as MongoDB's shell shows it. */
	private static QueryPlan explained(String answer) {
		return QueryPlan.of(Document.parse(answer));
	}

}
