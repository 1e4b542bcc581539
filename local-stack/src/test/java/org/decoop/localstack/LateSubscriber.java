package org.decoop.localstack;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What another team's system does when it subscribes to decoop a year late: reads each
 * event topic from offset 0 to its end and folds the events into the state of every
 * partnership, partner search, plan and funding call. It knows only what docs/events.md
 * publishes (the JSON payloads and the CloudEvents headers), none of decoop's code, and
 * trusts a record only from its topic's owner ({@code ce_source}), as the services do.
 * {@link #project} gives the API's answers the same shape, so the two compare field by
 * field.
 */
final class LateSubscriber {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Map<String, String> OWNERS = Map.of("partnership-events", "/partnership-service",
			"plan-events", "/plan-service");

	final Map<String, ObjectNode> partnerships = new TreeMap<>();

	final Map<String, ObjectNode> partnerSearches = new TreeMap<>();

	final Map<String, ObjectNode> plans = new TreeMap<>();

	final Map<String, ObjectNode> fundingCalls = new TreeMap<>();

	final Map<String, Integer> eventsRead = new TreeMap<>();

	/**
	 * What the events weigh on the wire (key, CloudEvents headers, JSON payload), per
	 * topic: sizes the topics in docs/operations.md.
	 */
	final Map<String, Long> bytesRead = new TreeMap<>();

	private final LocalDate today;

	private LateSubscriber(LocalDate today) {
		this.today = today;
	}

	/**
	 * Reads partnership-events and plan-events from their beginning to their current end
	 * with a plain consumer.
	 */
	static LateSubscriber readEverything(Map<String, Object> clientConfig, LocalDate today) {
		LateSubscriber subscriber = new LateSubscriber(today);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(clientConfig, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			for (String topic : OWNERS.keySet()) {
				List<TopicPartition> partitions = consumer.partitionsFor(topic)
					.stream()
					.map(info -> new TopicPartition(topic, info.partition()))
					.toList();
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
				// within a partition (one aggregate's events share a key, so a partition)
				// the order is the order of changes
				while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
					consumer.poll(Duration.ofMillis(500)).forEach(subscriber::apply);
				}
			}
		}
		return subscriber;
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		if (!OWNERS.get(record.topic()).equals(header(record, "ce_source"))) {
			return; // not from the topic's owner: a subscriber ignores it, as decoop's
					// own consumers park it
		}
		eventsRead.merge(record.topic(), 1, Integer::sum);
		long headerBytes = 0;
		for (Header header : record.headers()) {
			headerBytes += header.key().length() + header.value().length;
		}
		bytesRead.merge(record.topic(), record.serializedKeySize() + record.serializedValueSize() + headerBytes,
				Long::sum);
		JsonNode event = JSON.readTree(record.value());
		String type = header(record, "ce_type").substring("org.decoop.".length());
		switch (type) {
			case "PartnershipEstablished", "PartnershipWentDormant", "PartnershipReactivated", "PartnershipEnded" -> {
				ObjectNode partnership = partnerships.computeIfAbsent(event.get("partnershipId").asString(),
						id -> NODES.objectNode());
				partnership.put("status", event.get("status").asString());
				partnership.set("partners", partners(event.get("partners")));
				partnership.set("themes", sorted(event.get("themes")));
				if (type.equals("PartnershipEstablished")) {
					partnership.put("since", text(event.path("since")));
					partnership.put("coordinator", text(event.path("coordinator").path("name")));
				}
			}
			case "PartnerSearchOpened", "PartnerSearchClosed" -> {
				ObjectNode search = partnerSearches.computeIfAbsent(event.get("searchId").asString(),
						id -> NODES.objectNode());
				search.put("status", event.get("status").asString());
				search.set("localAuthority", event.get("localAuthority"));
				search.set("themes", sorted(event.get("themes")));
				search.set("countries", sorted(event.get("countries")));
				search.put("openUntil", event.get("openUntil").asString());
				if (type.equals("PartnerSearchOpened")) {
					search.put("description", event.get("description").asString());
				}
				else {
					search.set("closure",
							NODES.objectNode()
								.put("reason", event.get("reason").asString())
								.put("partnershipId", text(event.path("partnershipId")))
								.put("expired", event.get("expired").asBoolean()));
				}
			}
			case "PlanDrafted" -> {
				ObjectNode plan = plans.computeIfAbsent(event.get("planId").asString(), id -> NODES.objectNode());
				plan.put("year", event.get("year").asInt())
					.put("title", event.get("title").asString())
					.put("status", "DRAFT");
				ArrayNode parties = NODES.arrayNode();
				event.get("parties")
					.forEach(party -> parties.add(NODES.objectNode()
						.put("code", party.get("code").asString())
						.put("name", party.get("name").asString())
						.putNull("signedBy")
						.putNull("signerId")
						.putNull("signedAt")));
				plan.set("parties", parties);
				plan.set("themes", sorted(event.get("themes")));
			}
			case "PlanSignatureRecorded" -> {
				ObjectNode plan = plans.get(event.get("planId").asString());
				for (JsonNode party : plan.get("parties")) {
					if (party.get("code").asString().equals(event.get("party").asString())) {
						((ObjectNode) party).put("signedBy", event.get("signedBy").asString())
							.put("signerId", header(record, "ce_authid"))
							.put("signedAt", event.get("signedAt").asString());
					}
				}
			}
			case "PlanSigned" -> plans.get(event.get("planId").asString()).put("status", "SIGNED");
			case "PlanCompleted" -> plans.get(event.get("planId").asString()).put("status", "COMPLETED");
			case "PlanCancelled" -> plans.get(event.get("planId").asString())
				.put("status", "CANCELLED")
				.put("cancellationReason", text(event.path("reason")));
			case "FundingCallPublished" -> {
				ObjectNode call = fundingCalls.computeIfAbsent(event.get("callId").asString(),
						id -> NODES.objectNode());
				copyCallFields(event, call);
				// the API answers the status on the day of the answer; the dates say it
				LocalDate opensOn = LocalDate.parse(event.get("opensOn").asString());
				LocalDate closesOn = LocalDate.parse(event.get("closesOn").asString());
				call.put("status", today.isBefore(opensOn) ? "UPCOMING" : today.isAfter(closesOn) ? "CLOSED" : "OPEN");
			}
			default -> {
				// ActivityCompleted, FundingCallClosingSoon, FundingCallClosed: nothing
				// the compared state shows
			}
		}
	}

	/**
	 * The API's answers in the fold's shape: the same fields, sets sorted, amounts as
	 * plain decimals.
	 */
	static Map<String, ObjectNode> project(List<JsonNode> answers, String kind) {
		Function<JsonNode, ObjectNode> shape = switch (kind) {
			case "partnerships" -> answer -> {
				ObjectNode partnership = NODES.objectNode().put("status", answer.get("status").asString());
				partnership.set("partners", partners(answer.get("partners")));
				partnership.set("themes", sorted(answer.get("themes")));
				partnership.put("since", text(answer.path("since")));
				partnership.put("coordinator", text(answer.path("coordinator").path("name")));
				return partnership;
			};
			case "partnerSearches" -> answer -> {
				ObjectNode search = NODES.objectNode().put("status", answer.get("status").asString());
				search.set("localAuthority", answer.get("localAuthority"));
				search.set("themes", sorted(answer.get("themes")));
				search.set("countries", sorted(answer.get("countries")));
				search.put("openUntil", answer.get("openUntil").asString());
				search.put("description", answer.get("description").asString());
				JsonNode closure = answer.get("closure");
				if (closure != null && !closure.isNull()) {
					search.set("closure",
							NODES.objectNode()
								.put("reason", closure.get("reason").asString())
								.put("partnershipId", text(closure.path("partnershipId")))
								.put("expired", closure.get("expired").asBoolean()));
				}
				return search;
			};
			case "plans" -> answer -> {
				ObjectNode plan = NODES.objectNode()
					.put("year", answer.get("year").asInt())
					.put("title", answer.get("title").asString())
					.put("status", answer.get("status").asString());
				ArrayNode parties = NODES.arrayNode();
				answer.get("parties")
					.forEach(party -> parties.add(NODES.objectNode()
						.put("code", party.get("code").asString())
						.put("name", party.get("name").asString())
						.put("signedBy", text(party.path("signedBy")))
						.put("signerId", text(party.path("signerId")))
						.put("signedAt", text(party.path("signedAt")))));
				plan.set("parties", parties);
				plan.set("themes", sorted(answer.get("themes")));
				if (answer.get("status").asString().equals("CANCELLED")) {
					plan.put("cancellationReason", text(answer.path("cancellationReason")));
				}
				return plan;
			};
			case "fundingCalls" -> answer -> {
				ObjectNode call = NODES.objectNode();
				copyCallFields(answer, call);
				call.put("status", answer.get("status").asString());
				return call;
			};
			default -> throw new IllegalArgumentException(kind);
		};
		Map<String, ObjectNode> projected = new TreeMap<>();
		answers.forEach(answer -> projected.put(answer.get("id").asString(), shape.apply(answer)));
		return projected;
	}

	/**
	 * One line per aggregate whose folded state differs from the API's (or that only one
	 * of them knows).
	 */
	static List<String> differences(String kind, Map<String, ObjectNode> folded, Map<String, ObjectNode> api) {
		List<String> differences = new ArrayList<>();
		api.forEach((id, answer) -> {
			ObjectNode fold = folded.get(id);
			if (fold == null) {
				differences.add("%s %s: in the API, not on the topics".formatted(kind, id));
			}
			else if (!fold.equals(answer)) {
				differences.add("%s %s: topics say %s, the API %s".formatted(kind, id, fold, answer));
			}
		});
		folded.keySet()
			.stream()
			.filter(id -> !api.containsKey(id))
			.forEach(id -> differences.add("%s %s: on the topics, not in the API".formatted(kind, id)));
		return differences;
	}

	private static ArrayNode partners(JsonNode partners) {
		ArrayNode shaped = NODES.arrayNode();
		partners.forEach(partner -> shaped.add(NODES.objectNode()
			.put("id", partner.get("id").asString())
			.put("code", text(partner.path("code")))
			.put("name", partner.get("name").asString())
			.put("country", partner.get("country").asString())));
		return shaped;
	}

	/**
	 * A funding call's fields as the event and the API both carry them: amounts without
	 * trailing zeros, themes and countries sorted.
	 */
	private static void copyCallFields(JsonNode from, ObjectNode call) {
		for (String field : List.of("code", "title", "funder", "opensOn", "closesOn")) {
			call.put(field, from.get(field).asString());
		}
		call.put("maxGrantEur", from.get("maxGrantEur").decimalValue().stripTrailingZeros().toPlainString());
		call.put("maxCoFinancingRate",
				from.get("maxCoFinancingRate").decimalValue().stripTrailingZeros().toPlainString());
		call.set("themes", sorted(from.get("themes")));
		call.set("eligibleCountries", sorted(from.get("eligibleCountries")));
	}

	private static ArrayNode sorted(JsonNode values) {
		ArrayNode sorted = NODES.arrayNode();
		values.valueStream().map(JsonNode::asString).sorted().forEach(sorted::add);
		return sorted;
	}

	/**
	 * A field's text, null where it is null or absent (events from before a field was
	 * added).
	 */
	private static String text(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
	}

}
