package org.decoop.notification;

import java.util.stream.Stream;

import org.decoop.platform.testing.CaughtMongoCommands;
import org.decoop.platform.testing.MongoCommands;
import org.decoop.platform.testing.ServiceQueries;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Each query of {@link NotificationQueries}, sent by the service to its store; on a real
 * MongoDB (the containers run: a one-member replica set as compose runs it) its plan
 * reads an index and sorts nothing in memory. On the embedded store the queries run and
 * their plans are skipped.
 */
@ServiceScenario(database = "notifications-query-plans", webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(CaughtMongoCommands.class)
class QueryPlansIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoCommands commands;

	@Autowired
	MongoTemplate mongo;

	@TestFactory
	Stream<DynamicTest> eachQueryIsAnsweredFromAnIndexWithoutASortInMemory() {
		return ServiceQueries.explainEach(context, commands, mongo.getDb(), NotificationQueries.ALL);
	}

}
