package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An index serves a sort when it has the sort's keys in the sort's directions, or all of
 * them reversed.
 */
class QueryIndexesTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	@Document("things")
	@CompoundIndex(name = "newest", def = "{'kind': 1, 'openedAt': -1, '_id': 1}")
	static class Thing {

		String id;

		String kind;

	}

	@Test
	void acceptsASortInTheIndexsDirectionsOrAllReversed() {
		assertThatCode(() -> QueryIndexes.assertServed(MONGO.freshDatabase(), Thing.class,
				List.of(Query.of("newest first", "newest", List.of("kind"), "-openedAt", "_id"),
						Query.of("oldest first", "newest", List.of("kind"), "openedAt", "-_id"))))
			.doesNotThrowAnyException();
	}

	@Test
	void refusesASortThatTheIndexCannotServeInEitherDirection() {
		assertThatThrownBy(() -> QueryIndexes.assertServed(MONGO.freshDatabase(), Thing.class,
				List.of(Query.of("oldest first, then by id", "newest", List.of("kind"), "openedAt", "_id"))))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("one direction");
	}

}
