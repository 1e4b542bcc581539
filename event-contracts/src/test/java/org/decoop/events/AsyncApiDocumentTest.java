package org.decoop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.decoop.events.SchemaValidation.asyncApiSchema;
import static org.decoop.events.SchemaValidation.errors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import org.decoop.events.plan.PlanSigned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.networknt.schema.JsonSchema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code asyncapi.yaml} is a valid AsyncAPI 3.0.0 document that matches the event
 * catalog.
 */
class AsyncApiDocumentTest {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	/** Each service and the topics it consumes, as DESIGN.md's topic table says. */
	private static final Set<String> RECEIVES = Set.of("plan-service <- partnership-events",
			"notification-service <- partnership-events", "partnership-service <- plan-events",
			"notification-service <- plan-events");

	private final JsonNode document = readDocument();

	@Test
	void isValidAgainstTheAsyncApi300Schema() {
		assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
		assertThat(errors(asyncApiSchema(), document)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "channelAddressNotAString", "unknownOperationAction", "messageWithUnknownField",
			"serverWithoutProtocol", "kafkaKeyBindingNotASchema", "asyncApi26" })
	void rejectsABrokenDocument(String breakage) {
		ObjectNode broken = (ObjectNode) document.deepCopy();
		BREAKAGES.get(breakage).accept(broken);

		assertThat(errors(asyncApiSchema(), broken)).isNotEmpty();
	}

	private static final Map<String, Consumer<ObjectNode>> BREAKAGES = Map.of("channelAddressNotAString",
			doc -> object(doc, "/channels/planEvents").put("address", 42), "unknownOperationAction",
			doc -> object(doc, "/operations/planServiceSendsPlanEvents").put("action", "publish"),
			"messageWithUnknownField",
			doc -> object(doc, "/components/messages/PlanSigned").put("topic", "plan-events"), "serverWithoutProtocol",
			doc -> object(doc, "/servers/local").remove("protocol"), "kafkaKeyBindingNotASchema",
			doc -> object(doc, "/components/messageBindings/planIdKey/kafka").put("key", "planId"), "asyncApi26",
			doc -> doc.put("asyncapi", "2.6.0"));

	@Test
	void describesTheKafkaServer() {
		assertThat(document.at("/servers/local/host").asString()).isEqualTo("localhost:9092");
		assertThat(document.at("/servers/local/protocol").asString()).isEqualTo("kafka");
	}

	@Test
	void namesEveryCatalogTypeAndNothingElse() {
		Set<String> names = new TreeSet<>();
		Set<String> ceTypes = new TreeSet<>();
		Set<String> inChannels = new TreeSet<>();
		document.at("/components/messages").forEachEntry((key, message) -> {
			assertThat(message.get("name").asString()).isEqualTo(key);
			names.add(message.get("name").asString());
			ceTypes.add(ceTypeOf(message));
		});
		document.get("channels")
			.forEach(channel -> channel.get("messages")
				.forEach(message -> inChannels.add(resolve(message).get("name").asString())));

		List<String> catalogNames = EventCatalog.eventClasses().stream().map(EventCatalog::nameOf).toList();
		assertThat(names).containsExactlyInAnyOrderElementsOf(catalogNames);
		assertThat(inChannels).containsExactlyInAnyOrderElementsOf(catalogNames);
		assertThat(ceTypes).containsExactlyInAnyOrderElementsOf(EventCatalog.types());
	}

	@Test
	void addressesEachChannelToTheTopicOfItsMessages() {
		List<String> addresses = new ArrayList<>();
		document.get("channels").forEachEntry((channelId, channel) -> {
			String address = channel.get("address").asString();
			addresses.add(address);
			assertThat(channel.at("/bindings/kafka/topic").asString()).as(channelId).isEqualTo(address);
			List<String> messages = new ArrayList<>();
			channel.get("messages").forEachEntry((messageId, reference) -> {
				JsonNode message = resolve(reference);
				Class<? extends DecoopEvent> eventClass = EventCatalog.classOf(ceTypeOf(message)).orElseThrow();
				assertThat(EventCatalog.topicOf(eventClass)).as(messageId).isEqualTo(address);
				messages.add(EventCatalog.nameOf(eventClass));
			});
			assertThat(messages).as(channelId)
				.containsExactlyElementsOf(
						EventCatalog.eventClassesOn(address).stream().map(EventCatalog::nameOf).toList());
		});
		assertThat(addresses).containsExactlyInAnyOrderElementsOf(EventCatalog.topics());
	}

	@Test
	void pointsEveryPayloadAtAnExistingSchemaFile() {
		document.at("/components/messages").forEachEntry((name, message) -> {
			String ref = message.at("/payload/$ref").asString();
			assertThat(ref).isEqualTo("./schemas/" + name + ".json");
			String resource = "/" + ref.substring("./".length());
			assertThat(AsyncApiDocumentTest.class.getResource(resource)).as(ref).isNotNull();
			assertThat(SchemaValidation.readJson(resource).get("title").asString()).isEqualTo(name);
		});
	}

	@Test
	void declaresTheCloudEventsHeadersAndTheKafkaKeyOfEveryMessage() {
		JsonNode headers = document.at("/components/schemas/CloudEventHeaders");
		assertThat(headers.get("required").values()).map(JsonNode::asString)
			.containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time",
					"ce_authtype", "ce_authid", "content-type");
		assertThat(headers.at("/properties/ce_specversion/const").asString()).isEqualTo("1.0");
		assertThat(headers.at("/properties/ce_id/format").asString()).isEqualTo("uuid");
		assertThat(headers.at("/properties/content-type/const").asString()).isEqualTo("application/json");

		document.at("/components/messages").forEachEntry((name, message) -> {
			Class<? extends DecoopEvent> eventClass = EventCatalog.classOf(ceTypeOf(message)).orElseThrow();
			assertThat(message.at("/headers/allOf/0/$ref").asString())
				.isEqualTo("#/components/schemas/CloudEventHeaders");
			assertThat(message.at("/headers/allOf/1/properties/ce_source/const").asString()).as(name)
				.isEqualTo(EventCatalog.sourceOf(eventClass));
			JsonNode kafka = resolve(message.get("bindings")).get("kafka");
			assertThat(kafka.at("/key/type").asString()).as(name).isEqualTo("string");
		});
	}

	@ParameterizedTest
	@MethodSource("org.decoop.events.EventSchemaTest#catalogClasses")
	void acceptsTheCloudEventHeadersOfEverySampleAndRejectsAnotherType(Class<? extends DecoopEvent> eventClass) {
		DecoopEvent sample = EventSamples.sampleOf(eventClass);
		ObjectNode headers = SchemaValidation.JSON.createObjectNode()
			.put("ce_specversion", "1.0")
			.put("ce_id", UUID.randomUUID().toString())
			.put("ce_source", EventCatalog.sourceOf(eventClass))
			.put("ce_type", EventCatalog.typeOf(eventClass))
			.put("ce_subject", sample.aggregateId())
			.put("ce_time", sample.occurredAt().toString())
			.put("ce_authtype", "user")
			.put("ce_authid", UUID.randomUUID().toString())
			.put("content-type", "application/json");
		JsonNode message = document.at("/components/messages/" + EventCatalog.nameOf(eventClass));
		ObjectNode headersSchema = SchemaValidation.JSON.createObjectNode();
		headersSchema.putArray("allOf")
			.add(resolve(message.at("/headers/allOf/0")))
			.add(message.at("/headers/allOf/1"));
		JsonSchema schema = SchemaValidation.draft07(headersSchema);

		assertThat(errors(schema, headers)).isEmpty();
		assertThat(errors(schema, headers.deepCopy().put("ce_type", "org.decoop.SomethingElse"))).isNotEmpty();
		assertThat(errors(schema, headers.deepCopy().put("ce_id", "not-a-uuid"))).isNotEmpty();
		assertThat(errors(schema, headers.deepCopy().put("ce_specversion", "0.3"))).isNotEmpty();
		assertThat(
				errors(schema, headers.deepCopy().put("ce_authtype", "system").put("ce_authid", "partnership-service")))
			.isEmpty();
		assertThat(errors(schema, headers.deepCopy().put("ce_authtype", "anonymous"))).isNotEmpty();
		assertThat(errors(schema, headers.deepCopy().without("ce_authid"))).as("who caused it is always said")
			.isNotEmpty();
	}

	@Test
	void declaresTheSendAndReceiveOperationsOfTheTopicTable() {
		Map<String, String> senders = new LinkedHashMap<>();
		Set<String> receives = new TreeSet<>();
		document.get("operations").forEachEntry((operationId, operation) -> {
			String service = operation.at("/tags/0/name").asString();
			String topic = resolve(operation.get("channel")).get("address").asString();
			switch (operation.get("action").asString()) {
				case "send" -> senders.put(topic, service);
				case "receive" -> receives.add(service + " <- " + topic);
				default -> throw new AssertionError(operationId);
			}
			operation.path("messages").forEach(message -> assertThat(resolve(message)).isNotNull());
		});

		assertThat(senders).containsOnlyKeys(EventCatalog.topics());
		senders.forEach((topic, service) -> assertThat("/" + service)
			.isEqualTo(EventCatalog.sourceOf(EventCatalog.eventClassesOn(topic).get(0))));
		assertThat(receives).containsExactlyInAnyOrderElementsOf(RECEIVES);
		assertThat(document.at("/operations/partnershipServiceReceivesPlanSigned/messages/0/$ref").asString())
			.isEqualTo("#/channels/planEvents/messages/" + EventCatalog.nameOf(PlanSigned.class));
	}

	private String ceTypeOf(JsonNode message) {
		return message.at("/headers/allOf/1/properties/ce_type/const").asString();
	}

	/**
	 * Follows a local {@code $ref} of the document; a node without one is returned as it
	 * is.
	 */
	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		while (current.has("$ref")) {
			String ref = current.get("$ref").asString();
			assertThat(ref).startsWith("#/");
			current = document.at(ref.substring(1));
			assertThat(current.isMissingNode()).as(ref).isFalse();
		}
		return current;
	}

	private static ObjectNode object(JsonNode document, String pointer) {
		return (ObjectNode) document.at(pointer);
	}

	private static JsonNode readDocument() {
		try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
			return YAML.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
