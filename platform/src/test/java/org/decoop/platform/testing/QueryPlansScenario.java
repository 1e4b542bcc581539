package org.decoop.platform.testing;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Each query a service lists ({@link ServiceQueries}), sent by the service to its store;
 * on a real MongoDB (the containers run: a one-member replica set as compose runs it) its
 * plan reads an index and sorts nothing in memory. On the embedded store the queries run
 * and their plans are skipped. A service's scenario extends it with its
 * {@link ServiceScenario} and its list.
 */
@Import(CaughtMongoCommands.class)
public abstract class QueryPlansScenario {

	private final List<ServiceQueries.Listed> queries;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoCommands commands;

	@Autowired
	MongoTemplate mongo;

	protected QueryPlansScenario(List<ServiceQueries.Listed> queries) {
		this.queries = queries;
	}

	@TestFactory
	public Stream<DynamicTest> eachQueryIsAnsweredFromAnIndexWithoutASortInMemory() {
		return ServiceQueries.explainEach(context, commands, mongo.getDb(), queries);
	}

}
