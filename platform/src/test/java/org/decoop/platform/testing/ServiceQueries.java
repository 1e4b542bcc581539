package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.decoop.platform.messaging.IdempotentConsumer;
import org.decoop.platform.outbox.OutboxRelay;
import org.decoop.platform.StartupWork;
import org.decoop.platform.readmodel.VersionedReadModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.repository.Repository;
import org.springframework.util.ClassUtils;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Every query of a service in one list: each method of its repositories (the classes that
 * hold a MongoTemplate, a MongoCollection, a Spring Data repository or a read model),
 * named {@code "Class#method"}, and the platform's queries it runs (aggregates, outbox,
 * consumers), named by their purpose. {@link #assertEveryRepositoryMethodListed} fails
 * when a repository method is missing from the list; {@link #explainEach} runs each query
 * on the service's store and, on a real MongoDB, asks {@code explain} for its plan: an
 * index read, no collection scan, no sort in memory.
 */
public final class ServiceQueries {

	private ServiceQueries() {
	}

	/**
	 * How the test makes the service run a query: calls on its beans, answering what they
	 * answered.
	 */
	@FunctionalInterface
	public interface Run {

		Object run(Beans beans) throws Exception;

	}

	/**
	 * One listed query.
	 *
	 * @param method the repository method that sends it ({@code "Partnerships#search"}),
	 * null for a platform query
	 * @param purpose what it is for
	 * @param run how the test makes the service send it; null when the query is
	 * {@code stated}
	 * @param stated the query as the code sends it, for a path a test cannot reach
	 * cheaply (a broker refusing a record)
	 * @param queries false for a method that sends no query (an insert, a link it builds)
	 * @param readsAll why the query reads every document by design (statistics of
	 * everything), null for all others
	 */
	public record Listed(String method, String purpose, Run run, List<Document> stated, boolean queries,
			String readsAll) {

		public String name() {
			return method == null ? purpose : method + ": " + purpose;
		}

		@Override
		public String toString() {
			return name();
		}
	}

	/** A repository method, called on its bean with these arguments. */
	public static Listed call(String method, String purpose, Object... arguments) {
		return new Listed(method, purpose, beans -> beans.call(method, arguments), null, true, null);
	}

	/**
	 * A repository method that answers {@code expected} when nothing is stored; its
	 * queries are sent first.
	 */
	public static Listed callAnswering(Class<? extends Exception> expected, String method, String purpose,
			Object... arguments) {
		return new Listed(method, purpose, beans -> {
			try {
				return beans.call(method, arguments);
			}
			catch (Exception e) {
				if (!expected.isInstance(e)) {
					throw e;
				}
				return e;
			}
		}, null, true, null);
	}

	/**
	 * A repository method, run by {@code run} (when it needs stored state or several
	 * calls).
	 */
	public static Listed run(String method, String purpose, Run run) {
		return new Listed(method, purpose, run, null, true, null);
	}

	/**
	 * A repository method whose query reads every document by design ({@code why}): a
	 * collection scan is expected of it, a sort in memory still is not.
	 */
	public static Listed readsAll(String method, String purpose, String why, Object... arguments) {
		return new Listed(method, purpose, beans -> beans.call(method, arguments), null, true, why);
	}

	/** A query of the platform's, named by its purpose, run by {@code run}. */
	public static Listed platform(String purpose, Run run) {
		return new Listed(null, purpose, run, null, true, null);
	}

	/**
	 * A query stated as the code sends it ({@code method} null for the platform's): a
	 * command document each.
	 */
	public static Listed stated(String method, String purpose, String... commands) {
		return new Listed(method, purpose, null, Arrays.stream(commands).map(Document::parse).toList(), true, null);
	}

	/**
	 * A repository method that sends no query (inserts only, or no command at all);
	 * {@code run} shows it, or is null where an insert needs an aggregate the list cannot
	 * cheaply build.
	 */
	public static Listed noQuery(String method, String purpose, Run run) {
		return new Listed(method, purpose, run, null, false, null);
	}

	/**
	 * The queries the platform sends for each aggregate collection, a line each: its
	 * purpose {@code =>} its command ({@code %s} the collection).
	 */
	private static final String PER_AGGREGATE_COLLECTION = """
			aggregate write path: the pending events before a write (the outbox bound) => {find: '%s', filter: {_id: 'id-1'}, projection: {'outbox.eventId': 1}, limit: 1}
			aggregate write path: the write conditioned on the version read => {update: '%s', updates: [{q: {_id: 'id-1', version: 3}, u: {$set: {version: 4}}}]}
			outbox relay: the sweep for aggregates with events waiting => {find: '%s', filter: {'outbox.eventId': {$exists: true}}, projection: {_id: 1}, limit: 100}
			outbox relay: the events of the aggregates it claimed => {find: '%s', filter: {_id: {$in: ['id-1', 'id-2']}}, projection: {outbox: 1}}
			outbox relay: pull the acknowledged events => {update: '%s', updates: [{q: {_id: 'id-1'}, u: {$pull: {outbox: {eventId: {$in: ['e-1', 'e-2']}}}}}]}
			outbox relay: park an event the broker refused for good => {update: '%s', updates: [{q: {_id: 'id-1'}, u: {$pull: {outbox: {eventId: 'e-1'}}, $push: {outboxParked: {eventId: 'e-1'}}}}]}
			""";

	/**
	 * The platform's queries in a service whose aggregates are stored in
	 * {@code aggregateCollections}: the aggregates' write path, the outbox relay and its
	 * claims, the idempotent consumers, the dead-letter replays. Named by purpose; those
	 * on paths a test cannot reach cheaply (a broker refusing a record, a claim running
	 * out) are stated as the platform sends them.
	 */
	public static List<Listed> platformQueries(String... aggregateCollections) {
		List<Listed> queries = new ArrayList<>();
		for (String collection : aggregateCollections) {
			PER_AGGREGATE_COLLECTION.lines()
				.map((line) -> line.split(" => ", 2))
				.forEach((purposeAndCommand) -> queries.add(stated(null, purposeAndCommand[0] + ", " + collection,
						purposeAndCommand[1].formatted(collection))));
		}
		queries.add(platform("outbox relay: one sweep over every source",
				beans -> beans.bean(OutboxRelay.class).relayOnce()));
		queries.add(stated(null, "outbox claims: take over a claim that ran out",
				"{findAndModify: 'outbox_claims', query: {_id: 'plans:id-1', until: {$lt: {$date: '2026-01-01T00:00:00Z'}}}, "
						+ "update: {$set: {until: {$date: '2026-01-01T00:00:30Z'}}}, new: true}"));
		queries.add(stated(null, "outbox claims: release this relay's claims",
				"{delete: 'outbox_claims', deletes: [{q: {_id: {$in: ['plans:id-1', 'plans:id-2']}, until: {$date: '2026-01-01T00:00:30Z'}}, "
						+ "limit: 0}]}"));
		queries.add(stated(null, "outbox claims: extend this relay's claims after a failed send",
				"{update: 'outbox_claims', updates: [{q: {_id: {$in: ['plans:id-1']}, until: {$date: '2026-01-01T00:00:30Z'}}, "
						+ "u: {$set: {until: {$date: '2026-01-01T00:00:32Z'}}}, multi: true}]}"));
		queries.add(platform("idempotent consumers: whether an event was applied (processed_events)",
				beans -> beans.bean(IdempotentConsumer.class)
					.applyOnce("query-plans", UUID.randomUUID().toString(), () -> {
					})));
		queries.add(stated(null, "dead letters: the replays of the parked records listed",
				"{find: 'dead_letter_replays', filter: {_id: {$in: ['plan-events.dlt@0', 'plan-events.dlt@1']}}}"));
		return queries;
	}

	/**
	 * The service's beans, found by the simple name of their class (repositories are
	 * package-private).
	 */
	public record Beans(ApplicationContext context) {

		public <T> T bean(Class<T> type) {
			return context.getBean(type);
		}

		public Object bean(String simpleName) {
			List<String> names = Arrays.stream(context.getBeanDefinitionNames()).filter(name -> {
				Class<?> type = context.getType(name);
				return type != null && ClassUtils.getUserClass(type).getSimpleName().equals(simpleName);
			}).toList();
			assertThat(names).as("the bean of class %s", simpleName).hasSize(1);
			return context.getBean(names.get(0));
		}

		/**
		 * Calls {@code "Class#method"} (declared or inherited) on its bean with
		 * {@code arguments}.
		 */
		public Object call(String method, Object... arguments) throws Exception {
			String[] parts = method.split("#");
			Object bean = bean(parts[0]);
			Method target = find(ClassUtils.getUserClass(bean), parts[1], arguments);
			target.setAccessible(true);
			try {
				return target.invoke(bean, arguments);
			}
			catch (InvocationTargetException e) {
				throw e.getCause() instanceof Exception cause ? cause : e;
			}
		}

		private static Method find(Class<?> type, String name, Object[] arguments) {
			for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
				for (Method method : declaring.getDeclaredMethods()) {
					if (method.getName().equals(name) && accepts(method.getParameterTypes(), arguments)) {
						return method;
					}
				}
			}
			throw new AssertionError(
					"No method %s of %s takes %s".formatted(name, type.getSimpleName(), Arrays.toString(arguments)));
		}

		private static boolean accepts(Class<?>[] parameters, Object[] arguments) {
			if (parameters.length != arguments.length) {
				return false;
			}
			for (int i = 0; i < parameters.length; i++) {
				Class<?> parameter = ClassUtils.resolvePrimitiveIfNecessary(parameters[i]);
				if (arguments[i] == null ? parameters[i].isPrimitive() : !parameter.isInstance(arguments[i])) {
					return false;
				}
			}
			return true;
		}
	}

	/**
	 * Fails when a method of the service's repositories (main classes under
	 * {@code basePackage} that hold a MongoTemplate, a MongoCollection, a Spring Data
	 * repository or a read model) is not in {@code listed}, or {@code listed} names one
	 * that does not exist.
	 */
	public static void assertEveryRepositoryMethodListed(String basePackage, List<Listed> listed) {
		Set<String> methods = new TreeSet<>();
		repositories(basePackage).forEach(type -> Arrays.stream(type.getDeclaredMethods())
			.filter(method -> !Modifier.isPrivate(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
					&& !method.isSynthetic() && !method.isBridge() && !indexesAtStart(type, method))
			.forEach(method -> methods.add(type.getSimpleName() + "#" + method.getName())));
		Set<String> named = new TreeSet<>(listed.stream().map(Listed::method).filter(Objects::nonNull).toList());

		Set<String> missing = new TreeSet<>(methods);
		missing.removeAll(named);
		Set<String> unknown = new TreeSet<>(named);
		unknown.removeAll(methods);
		assertThat(missing)
			.as("repository methods missing from the list of queries (add each with its purpose and a call)")
			.isEmpty();
		assertThat(unknown).as("listed methods that no repository has").isEmpty();
	}

	/** What a repository sets up at start (its indexes), not a query. */
	private static boolean indexesAtStart(Class<?> type, java.lang.reflect.Method method) {
		return StartupWork.class.isAssignableFrom(type) && method.getName().equals("setUp")
				&& method.getParameterCount() == 0;
	}

	/** The main classes under {@code basePackage} that query the store. */
	static List<Class<?>> repositories(String basePackage) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter((reader, factory) -> true);
		List<Class<?>> repositories = new ArrayList<>();
		scanner.findCandidateComponents(basePackage).forEach(definition -> {
			Class<?> type = ClassUtils.resolveClassName(Objects.requireNonNull(definition.getBeanClassName()), null);
			if (!fromTests(type) && queriesTheStore(type)) {
				repositories.add(type);
			}
		});
		return repositories;
	}

	private static boolean fromTests(Class<?> type) {
		var source = type.getProtectionDomain().getCodeSource();
		return source != null && source.getLocation().getPath().contains("/test-classes/");
	}

	private static boolean queriesTheStore(Class<?> type) {
		if (type.isInterface()) {
			return Repository.class.isAssignableFrom(type);
		}
		for (Class<?> declaring = type; declaring != null
				&& declaring != Object.class; declaring = declaring.getSuperclass()) {
			for (Field field : declaring.getDeclaredFields()) {
				Class<?> held = field.getType();
				if (MongoOperations.class.isAssignableFrom(held) || MongoCollection.class.isAssignableFrom(held)
						|| VersionedReadModel.class.isAssignableFrom(held) || Repository.class.isAssignableFrom(held)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * One test per listed query: it runs the query on the service and checks that it sent
	 * one; on a real MongoDB ({@link TestInfrastructure#containersWanted()}) it then asks
	 * {@code explain} for the plan of each query sent and fails on a collection scan, a
	 * sort in memory or no index read. Elsewhere (the embedded store plans nothing) the
	 * plans are skipped with the reason.
	 */
	public static Stream<DynamicTest> explainEach(ApplicationContext context, MongoCommands commands,
			MongoDatabase database, List<Listed> listed) {
		Beans beans = new Beans(context);
		return listed.stream().map(query -> DynamicTest.dynamicTest(query.name(), () -> {
			List<Document> sent;
			if (query.run() == null && query.stated() == null) {
				return;
			}
			if (query.stated() != null) {
				sent = query.stated();
			}
			else {
				sent = commands.catching(() -> consumed(query.run().run(beans))).commands();
			}
			List<Document> queries = sent.stream()
				.flatMap(command -> MongoCommands.explainable(command).stream())
				.toList();
			if (!query.queries()) {
				assertThat(queries).as("%s sends no query", query.name()).isEmpty();
				return;
			}
			assertThat(queries).as("%s sends a query", query.name()).isNotEmpty();
			Assumptions
				.assumeTrue(TestInfrastructure.containersWanted(), "The embedded store plans no query: the plans are "
						+ "checked on a real MongoDB, in the containers run (-Ddecoop.containers=true on a Docker host)");
			List<String> failures = new ArrayList<>();
			for (Document sentQuery : queries) {
				QueryPlan plan = MongoCommands.explain(database, sentQuery);
				List<String> problems = plan.problems()
					.stream()
					.filter(problem -> query.readsAll() == null
							|| !problem.equals("COLLSCAN") && !problem.equals("no index read"))
					.toList();
				if (!problems.isEmpty()) {
					failures.add("%s\n    query %s\n    plan  %s".formatted(problems, sentQuery.toJson(), plan));
				}
			}
			assertThat(failures).as("%s is answered from an index, without a sort in memory", query.name()).isEmpty();
		}));
	}

	/** Reads a stream to its end (a query is sent as it is read) and closes it. */
	private static Object consumed(Object answer) {
		if (answer instanceof Stream<?> stream) {
			try (stream) {
				return stream.toList();
			}
		}
		return answer;
	}

}
