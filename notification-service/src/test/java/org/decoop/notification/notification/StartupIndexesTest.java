package org.decoop.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.decoop.platform.mongo.StartupIndexes;
import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * A volume of an earlier release: its retired indexes are dropped at start and the
 * current ones created.
 */
class StartupIndexesTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private final MongoTemplate mongo = MONGO.freshDatabase();

	@Test
	void replacesTheOlderInboxIndexWithTheUniqueInboxSeq() {
		mongo.indexOps(NotificationDocument.class)
			.createIndex(
					new CompoundIndexDefinition(new Document("subscriptionId", 1).append("seq", -1)).named("inbox"));
		mongo.getConverter().getMappingContext().getPersistentEntity(NotificationDocument.class);

		new StartupIndexes(mongo, false).start();

		assertThat(mongo.indexOps(NotificationDocument.class).getIndexInfo()).extracting(IndexInfo::getName)
			.doesNotContain("inbox")
			.contains("inbox_seq", "pending", "digest_period_seq");
		assertThat(index("inbox_seq").isUnique()).isTrue();
	}

	@Test
	void createsTheVersionIndexOnlyWhereTheStoreAsksForIt() {
		new StartupIndexes(mongo, true).create(NotificationDocument.class);
		assertThat(index(StartupIndexes.VERSION_INDEX).isUnique()).as("the stand-in store's").isTrue();

		new StartupIndexes(mongo, false).create(NotificationDocument.class);

		assertThat(mongo.indexOps(NotificationDocument.class).getIndexInfo()).extracting(IndexInfo::getName)
			.as("MongoDB serves {_id, version} from _id: dropped")
			.doesNotContain(StartupIndexes.VERSION_INDEX);
	}

	private IndexInfo index(String name) {
		return mongo.indexOps(NotificationDocument.class)
			.getIndexInfo()
			.stream()
			.filter(info -> info.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
