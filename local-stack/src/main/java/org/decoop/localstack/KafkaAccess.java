package org.decoop.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.decoop.events.Topics;

/**
 * Who may do what on the broker (DESIGN "Kafka and MongoDB access"): each service writes
 * its own topic and its dead-letter topics (which it also reads, to replay them), reads
 * the topics it consumes with its own group; the read-only principal {@code subscriber}
 * reads the three topics with any group named {@code subscriber-*}. The benchmark
 * harness's principal {@code bench} owns the topics and groups named {@code bench-*} (its
 * baselines) and may see the offsets of the three topics. The broker's own principal
 * ({@code broker}) is the only super user.
 */
final class KafkaAccess {

	static final String BROKER = "broker";
	static final String SUBSCRIBER = "subscriber";
	static final String SUBSCRIBER_GROUP_PREFIX = "subscriber-";
	static final String BENCH = "bench";
	static final String BENCH_PREFIX = "bench-";

	/** Each service with the topic it publishes and the topics it consumes. */
	static final Map<String, Service> SERVICES = new LinkedHashMap<>();

	static {
		SERVICES.put("partnership-service", new Service(Topics.PARTNERSHIP_EVENTS, List.of(Topics.PLAN_EVENTS)));
		SERVICES.put("plan-service", new Service(Topics.PLAN_EVENTS, List.of(Topics.PARTNERSHIP_EVENTS)));
		SERVICES.put("notification-service",
				new Service(Topics.NOTIFICATION_EVENTS, List.of(Topics.PARTNERSHIP_EVENTS, Topics.PLAN_EVENTS)));
	}

	record Service(String publishes, List<String> consumes) {
	}

	private KafkaAccess() {
	}

	/**
	 * Every principal with a password: the broker (PLAIN, static) and those that sign in
	 * with SCRAM.
	 */
	static List<String> principals() {
		List<String> principals = new ArrayList<>(List.of(BROKER));
		principals.addAll(scramPrincipals());
		return principals;
	}

	/**
	 * The principals that sign in with SCRAM: the services, {@code subscriber} and
	 * {@code bench}.
	 */
	static List<String> scramPrincipals() {
		List<String> principals = new ArrayList<>(SERVICES.keySet());
		principals.add(SUBSCRIBER);
		principals.add(BENCH);
		return principals;
	}

	/**
	 * The dead-letter topic of a consumer: {@code <topic>.<service>.dlq}, as the services
	 * name them.
	 */
	static String deadLetterTopic(String topic, String service) {
		return topic + "." + service + ".dlq";
	}

	static List<String> deadLetterTopics() {
		List<String> topics = new ArrayList<>();
		SERVICES.forEach(
				(service, access) -> access.consumes().forEach(topic -> topics.add(deadLetterTopic(topic, service))));
		return topics;
	}

	static List<AclBinding> acls() {
		List<AclBinding> acls = new ArrayList<>();
		SERVICES.forEach((service, access) -> {
			// DESCRIBE_CONFIGS: a service checks at start that its event topics keep
			// every event
			allow(acls, service, ResourceType.TOPIC, access.publishes(), PatternType.LITERAL, AclOperation.WRITE,
					AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
			for (String topic : access.consumes()) {
				allow(acls, service, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ,
						AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
				// it parks records there, and reads them back when an operator replays
				// them
				allow(acls, service, ResourceType.TOPIC, deadLetterTopic(topic, service), PatternType.LITERAL,
						AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
			}
			allow(acls, service, ResourceType.GROUP, service, PatternType.LITERAL, AclOperation.READ);
		});
		for (String topic : List.of(Topics.PARTNERSHIP_EVENTS, Topics.PLAN_EVENTS, Topics.NOTIFICATION_EVENTS)) {
			allow(acls, SUBSCRIBER, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ,
					AclOperation.DESCRIBE);
		}
		allow(acls, SUBSCRIBER, ResourceType.GROUP, SUBSCRIBER_GROUP_PREFIX, PatternType.PREFIXED, AclOperation.READ);
		allow(acls, BENCH, ResourceType.TOPIC, BENCH_PREFIX, PatternType.PREFIXED, AclOperation.CREATE,
				AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE);
		allow(acls, BENCH, ResourceType.GROUP, BENCH_PREFIX, PatternType.PREFIXED, AclOperation.READ);
		// Kafka's EndToEndLatency names its own group test-group-<time> and commits to it
		allow(acls, BENCH, ResourceType.GROUP, "test-group-", PatternType.PREFIXED, AclOperation.READ);
		for (String topic : List.of(Topics.PARTNERSHIP_EVENTS, Topics.PLAN_EVENTS, Topics.NOTIFICATION_EVENTS)) {
			allow(acls, BENCH, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE);
		}
		return acls;
	}

	private static void allow(List<AclBinding> acls, String principal, ResourceType type, String name,
			PatternType pattern, AclOperation... operations) {
		for (AclOperation operation : operations) {
			acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
					new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
		}
	}

}
