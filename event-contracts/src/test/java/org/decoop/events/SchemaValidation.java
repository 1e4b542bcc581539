package org.decoop.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.SchemaLoader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * networknt json-schema-validator set up to work offline: the event schemas are found on
 * the classpath under their {@code $id}, the AsyncAPI 3.0.0 schema's bundled definitions
 * under theirs, and any other http(s) schema fails instead of being fetched.
 */
final class SchemaValidation {

	static final String EVENT_SCHEMA_BASE = "https://decoop.org/schemas/v1/";
	static final String ASYNCAPI_SCHEMA_RESOURCE = "/asyncapi/3.0.0.json";
	static final String ASYNCAPI_SCHEMA_ID = "http://asyncapi.com/definitions/3.0.0/asyncapi.json";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaLoader NO_NETWORK = iri -> {
		String scheme = iri.getScheme();
		if ("http".equals(scheme) || "https".equals(scheme)) {
			throw new IllegalStateException("Schema not available offline: " + iri);
		}
		return null;
	};

	private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
		.formatAssertionsEnabled(true)
		.build();

	private static final JsonSchemaFactory EVENT_SCHEMAS = JsonSchemaFactory.getInstance(
			SpecVersion.VersionFlag.V202012,
			builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(EVENT_SCHEMA_BASE, "classpath:schemas/"))
				.schemaLoaders(loaders -> loaders.add(NO_NETWORK)));

	private static final Map<String, JsonSchema> CACHE = new HashMap<>();

	private SchemaValidation() {
	}

	/** The JSON Schema of one event class, loaded by its {@code $id}. */
	static synchronized JsonSchema eventSchema(String eventName) {
		return CACHE.computeIfAbsent(eventName,
				name -> EVENT_SCHEMAS.getSchema(SchemaLocation.of(EVENT_SCHEMA_BASE + name + ".json"), CONFIG));
	}

	/**
	 * The official AsyncAPI 3.0.0 schema (draft-07), its {@code $id}s resolved within the
	 * vendored file.
	 */
	static synchronized JsonSchema asyncApiSchema() {
		return CACHE.computeIfAbsent(ASYNCAPI_SCHEMA_ID, id -> {
			JsonNode bundle = readJson(ASYNCAPI_SCHEMA_RESOURCE);
			Map<String, String> byId = new HashMap<>();
			byId.put(bundle.get("$id").asString(), JSON.writeValueAsString(bundle));
			bundle.get("definitions")
				.forEachEntry(
						(definitionId, definition) -> byId.put(definitionId, JSON.writeValueAsString(definition)));
			JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
					builder -> builder.schemaLoaders(loaders -> loaders.schemas(byId).add(NO_NETWORK)));
			return factory.getSchema(SchemaLocation.of(id), CONFIG);
		});
	}

	/**
	 * A draft-07 schema given as a tree (e.g. a schema taken from the AsyncAPI document),
	 * offline.
	 */
	static JsonSchema draft07(JsonNode schema) {
		JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
				builder -> builder.schemaLoaders(loaders -> loaders.add(NO_NETWORK)));
		return factory.getSchema(JSON.writeValueAsString(schema), InputFormat.JSON, CONFIG);
	}

	/** The validation errors of a JSON document, one line each; empty when valid. */
	static Set<String> errors(JsonSchema schema, String json) {
		Set<ValidationMessage> messages = schema.validate(json, InputFormat.JSON);
		return messages.stream()
			.map(message -> message.getInstanceLocation() + " " + message.getMessage())
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	static Set<String> errors(JsonSchema schema, JsonNode document) {
		return errors(schema, JSON.writeValueAsString(document));
	}

	static JsonNode readJson(String resource) {
		try (InputStream in = SchemaValidation.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			return JSON.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
