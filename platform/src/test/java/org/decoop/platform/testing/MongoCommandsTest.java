package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** How the commands a service sends become the queries put to {@code explain}. */
class MongoCommandsTest {

	@Test
	void aFindLosesItsSessionAndConcernsAndKeepsItsFilterSortAndLimit() {
		Document find = MongoCommands.decode(BsonDocument
			.parse("""
					{find: "partner_searches", filter: {status: "OPEN", openUntil: {$lt: "2026-03-05"}}, sort: {openUntil: 1, _id: 1},
					 limit: 100, readConcern: {level: "majority"}, $db: "partnerships", lsid: {id: {$binary: {base64: "AAAAAAAAAAAAAAAAAAAAAA==",
					 subType: "04"}}}, $clusterTime: {clusterTime: {$timestamp: {t: 1, i: 1}}}, $readPreference: {mode: "primary"}}"""));

		assertThat(MongoCommands.explainable(find)).containsExactly(Document
			.parse("""
					{find: "partner_searches", filter: {status: "OPEN", openUntil: {$lt: "2026-03-05"}}, sort: {openUntil: 1, _id: 1},
					 limit: 100}"""));
		assertThat(MongoCommands.collectionOf(MongoCommands.explainable(find).get(0))).isEqualTo("partner_searches");
	}

	@Test
	void aBulkUpdateIsExplainedOneStatementAtATime() {
		Document update = Document
			.parse("""
					{update: "partnerships", ordered: false, writeConcern: {w: "majority", j: true}, txnNumber: 3,
					 updates: [{q: {_id: "p-1"}, u: {$pull: {outbox: {eventId: {$in: ["e-1"]}}}}},
					           {q: {_id: "p-2"}, u: {$pull: {outbox: {eventId: {$in: ["e-2"]}}}}}], $db: "partnerships"}""");

		List<Document> queries = MongoCommands.explainable(update);

		assertThat(queries).hasSize(2);
		assertThat(queries.get(1)).isEqualTo(Document
			.parse("""
					{update: "partnerships", updates: [{q: {_id: "p-2"}, u: {$pull: {outbox: {eventId: {$in: ["e-2"]}}}}}]}"""));
	}

	@Test
	void commandsThatReadNoDocumentsByAFilterHaveNoPlan() {
		assertThat(MongoCommands
			.explainable(Document.parse("{insert: 'outbox_claims', documents: [{_id: 'c'}], $db: 'x'}"))).isEmpty();
		assertThat(MongoCommands.explainable(Document.parse("{getMore: 12, collection: 'plans', $db: 'x'}"))).isEmpty();
		assertThat(MongoCommands.explainable(Document.parse("{createIndexes: 'plans', indexes: [], $db: 'x'}")))
			.isEmpty();
	}

}
