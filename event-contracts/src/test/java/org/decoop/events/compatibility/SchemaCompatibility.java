package org.decoop.events.compatibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;

/**
 * Compares the current JSON Schema of each event with a released one and lists the
 * changes that would break consumers ({@link Rule}). Both directions count, because the
 * topics keep every event: consumers built on the released schema read events written
 * with the current one, and consumers built on the current schema replay events written
 * with the released one.
 *
 * <p>
 * Written here because no maintained library on Maven Central does this: Confluent's
 * checker ({@code kafka-json-schema-provider}) is not on Maven Central; Apicurio's
 * ({@code apicurio-registry-schema-util-json}) brings the registry's common modules and
 * everit-json-schema (draft-07, org.json), checks one direction only, and refuses a
 * property added to an open content model ({@code "additionalProperties": true}, which
 * every event schema has), when a new optional field is exactly the change decoop allows.
 *
 * <p>
 * Understood: {@code type}, {@code properties}, {@code required}, {@code items},
 * {@code enum}, {@code $ref} to {@code #/...} (resolved), {@code allOf} (merged),
 * {@code anyOf}/{@code oneOf} with one alternative besides {@code {"type": "null"}} ("X
 * or null"), the validation keywords of {@link #CONSTRAINTS} (compared by value), and
 * annotations (ignored). Anything else is reported as {@link Rule#UNSUPPORTED}: the gate
 * refuses what it cannot prove safe rather than pass it.
 */
public final class SchemaCompatibility {

	/** Keywords that do not constrain an event: changing them breaks nobody. */
	private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "definitions", "$comment", "title",
			"description", "examples", "default", "deprecated", "readOnly", "writeOnly");

	/**
	 * Validation keywords compared by value; their value when absent, where it has one.
	 */
	private static final Map<String, JsonNode> CONSTRAINTS = constraints();

	/** Far deeper than any event; only a recursive {@code $ref} gets there. */
	private static final int MAX_DEPTH = 32;

	private final String event;

	private final JsonNode releasedRoot;

	private final JsonNode currentRoot;

	private final String releasedVersion;

	private final List<Breach> breaches;

	private SchemaCompatibility(String event, JsonNode releasedRoot, JsonNode currentRoot, String releasedVersion,
			List<Breach> breaches) {
		this.event = event;
		this.releasedRoot = releasedRoot;
		this.currentRoot = currentRoot;
		this.releasedVersion = releasedVersion;
		this.breaches = breaches;
	}

	/**
	 * The breaking changes from the released schemas to the current ones, both by event
	 * name. An event type may leave only if its released schema says
	 * {@code "deprecated": true}.
	 */
	public static List<Breach> compare(Map<String, JsonNode> released, Map<String, JsonNode> current,
			String releasedVersion) {
		List<Breach> breaches = new ArrayList<>();
		new TreeMap<>(released).forEach((event, releasedSchema) -> {
			JsonNode currentSchema = current.get(event);
			if (currentSchema == null) {
				if (!releasedSchema.path("deprecated").booleanValue(false)) {
					breaches.add(new Breach(event, "$", Rule.EVENT_TYPE_REMOVED,
							"Released version %s has it, the current schemas do not.".formatted(releasedVersion),
							releasedVersion));
				}
			}
			else {
				new SchemaCompatibility(event, releasedSchema, currentSchema, releasedVersion, breaches).compare("$",
						releasedSchema, currentSchema, 0);
			}
		});
		return List.copyOf(breaches);
	}

	private void compare(String path, JsonNode releasedSchema, JsonNode currentSchema, int depth) {
		if (depth > MAX_DEPTH) {
			breach(path, Rule.UNSUPPORTED, "Nested deeper than %d levels (a recursive $ref?).".formatted(MAX_DEPTH));
			return;
		}
		Shape was;
		Shape is;
		try {
			was = Shape.of(releasedSchema, releasedRoot, 0);
			is = Shape.of(currentSchema, currentRoot, 0);
		}
		catch (UnsupportedSchema e) {
			breach(path, Rule.UNSUPPORTED, "The gate does not compare " + e.getMessage() + ".");
			return;
		}
		if (!Objects.equals(was.types, is.types)) {
			// Nothing below a changed type means the same thing any more.
			breach(path, Rule.TYPE_CHANGED, "Was %s, is now %s.".formatted(describe(was.types), describe(is.types)));
			return;
		}
		compareEnums(path, was, is);
		compareConstraints(path, was, is);
		compareProperties(path, was, is, depth);
		if (was.items != null || is.items != null) {
			compare(path + "[*]", orAnything(was.items), orAnything(is.items), depth + 1);
		}
	}

	private void compareEnums(String path, Shape was, Shape is) {
		if (was.enumValues == null && is.enumValues == null) {
			return;
		}
		if (was.enumValues == null || is.enumValues == null) {
			breach(path, Rule.CONSTRAINT_CHANGED,
					"enum was %s, is now %s.".formatted(was.enumValues == null ? "absent" : describe(was.enumValues),
							is.enumValues == null ? "absent" : describe(is.enumValues)));
			return;
		}
		Set<JsonNode> removed = new LinkedHashSet<>(was.enumValues);
		removed.removeAll(is.enumValues);
		Set<JsonNode> added = new LinkedHashSet<>(is.enumValues);
		added.removeAll(was.enumValues);
		if (!removed.isEmpty()) {
			breach(path, Rule.ENUM_VALUE_REMOVED, "No longer allowed: %s.".formatted(describe(removed)));
		}
		if (!added.isEmpty()) {
			breach(path, Rule.ENUM_VALUE_ADDED, "New: %s.".formatted(describe(added)));
		}
	}

	private void compareConstraints(String path, Shape was, Shape is) {
		for (String keyword : CONSTRAINTS.keySet()) {
			JsonNode before = was.constraints.getOrDefault(keyword, CONSTRAINTS.get(keyword));
			JsonNode after = is.constraints.getOrDefault(keyword, CONSTRAINTS.get(keyword));
			if (!sameValue(before, after)) {
				breach(path, Rule.CONSTRAINT_CHANGED, "%s was %s, is now %s.".formatted(keyword,
						before == null ? "absent" : before, after == null ? "absent" : after));
			}
		}
	}

	private void compareProperties(String path, Shape was, Shape is, int depth) {
		for (String name : was.fieldNames()) {
			String at = path + member(name);
			if (!is.fieldNames().contains(name)) {
				breach(at, Rule.FIELD_REMOVED,
						"Released version %s has it, the current schema does not.".formatted(releasedVersion));
				continue;
			}
			boolean wasRequired = was.required.contains(name);
			boolean isRequired = is.required.contains(name);
			if (!wasRequired && isRequired) {
				breach(at, Rule.OPTIONAL_MADE_REQUIRED,
						"Optional in released version %s, required now.".formatted(releasedVersion));
			}
			else if (wasRequired && !isRequired) {
				breach(at, Rule.REQUIRED_MADE_OPTIONAL,
						"Required in released version %s, optional now.".formatted(releasedVersion));
			}
			compare(at, was.schemaOf(name), is.schemaOf(name), depth + 1);
		}
		for (String name : is.fieldNames()) {
			if (!was.fieldNames().contains(name) && is.required.contains(name)) {
				breach(path + member(name), Rule.NEW_REQUIRED_FIELD,
						"Not in released version %s, required now.".formatted(releasedVersion));
			}
		}
	}

	private void breach(String path, Rule rule, String detail) {
		breaches.add(new Breach(event, path, rule, detail, releasedVersion));
	}

	private static String member(String name) {
		return name.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? "." + name : "['" + name + "']";
	}

	private static JsonNode orAnything(JsonNode schema) {
		return schema == null ? BooleanNode.TRUE : schema;
	}

	/**
	 * Equal JSON values, numbers by value ({@code 2} and {@code 2.0} are the same bound).
	 */
	private static boolean sameValue(JsonNode a, JsonNode b) {
		if (a != null && b != null && a.isNumber() && b.isNumber()) {
			return a.decimalValue().compareTo(b.decimalValue()) == 0;
		}
		return Objects.equals(a, b);
	}

	private static String describe(Set<?> values) {
		if (values == null) {
			return "any type";
		}
		return values.stream()
			.map(value -> value instanceof JsonNode node && node.isString() ? node.asString() : String.valueOf(value))
			.sorted(Comparator.comparing((String value) -> value.equals("null"))
				.thenComparing(Comparator.naturalOrder()))
			.collect(Collectors.joining(" or "));
	}

	private static Map<String, JsonNode> constraints() {
		Map<String, JsonNode> constraints = new LinkedHashMap<>();
		for (String keyword : List.of("const", "format", "pattern", "minLength", "maxLength", "minimum", "maximum",
				"exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems",
				"minProperties", "maxProperties", "additionalProperties", "contentEncoding", "contentMediaType")) {
			constraints.put(keyword, null);
		}
		// The values JSON Schema gives them when absent: writing them out changes
		// nothing.
		for (String keyword : List.of("minLength", "minItems", "minProperties")) {
			constraints.put(keyword, IntNode.valueOf(0));
		}
		constraints.put("uniqueItems", BooleanNode.FALSE);
		constraints.put("additionalProperties", BooleanNode.TRUE);
		return constraints;
	}

	/** A construct the gate does not compare; the message names it. */
	private static final class UnsupportedSchema extends RuntimeException {

		UnsupportedSchema(String message) {
			super(message);
		}

	}

	/**
	 * What a schema allows at one place of the event, with its {@code $ref}s,
	 * {@code allOf} and "X or null" {@code anyOf} merged in. Properties and items stay
	 * schemas, read when compared.
	 */
	private static final class Shape {

		/** The JSON types allowed; null for any. */
		Set<String> types;

		/** The values allowed; null when not an enumeration. */
		Set<JsonNode> enumValues;

		final Map<String, JsonNode> constraints = new LinkedHashMap<>();

		final Map<String, JsonNode> properties = new LinkedHashMap<>();

		final Set<String> required = new LinkedHashSet<>();

		JsonNode items;

		static Shape of(JsonNode schema, JsonNode root, int depth) {
			if (depth > MAX_DEPTH) {
				throw new UnsupportedSchema("$ref chains deeper than " + MAX_DEPTH + " (a recursive $ref?)");
			}
			Shape shape = new Shape();
			if (schema.isBoolean()) {
				if (schema.booleanValue()) {
					return shape;
				}
				throw new UnsupportedSchema("the schema false");
			}
			if (!schema.isObject()) {
				throw new UnsupportedSchema("a schema that is not an object: " + schema);
			}
			for (Map.Entry<String, JsonNode> entry : schema.properties()) {
				String keyword = entry.getKey();
				JsonNode value = entry.getValue();
				switch (keyword) {
					case "type" -> shape.allowTypes(typesOf(value));
					case "enum" -> shape.allowValues(new LinkedHashSet<>(value.values()));
					case "properties" -> value.forEachEntry(shape::addProperty);
					case "required" -> value.values().forEach(name -> shape.required.add(name.asString()));
					case "items" -> shape.setItems(value);
					case "$ref" -> shape.merge(of(resolve(root, value.asString()), root, depth + 1));
					case "allOf" -> value.values().forEach(part -> shape.merge(of(part, root, depth + 1)));
					case "anyOf", "oneOf" -> shape.merge(orNull(keyword, value, root, depth + 1));
					default -> {
						if (CONSTRAINTS.containsKey(keyword)) {
							shape.constrain(keyword, value);
						}
						else if (!ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-")) {
							throw new UnsupportedSchema("the keyword " + keyword);
						}
					}
				}
			}
			return shape;
		}

		/**
		 * {@code anyOf}/{@code oneOf} of one schema X and, optionally, {@code {"type":
		 * "null"}}: X or null.
		 */
		private static Shape orNull(String keyword, JsonNode alternatives, JsonNode root, int depth) {
			List<Shape> values = new ArrayList<>();
			boolean orNull = false;
			for (JsonNode alternative : alternatives.values()) {
				Shape shape = of(alternative, root, depth);
				if (Set.of("null").equals(shape.types)) {
					orNull = true;
				}
				else {
					values.add(shape);
				}
			}
			if (values.size() > 1) {
				throw new UnsupportedSchema(keyword + " with more than one alternative besides null");
			}
			Shape shape = values.isEmpty() ? new Shape() : values.getFirst();
			if (values.isEmpty()) {
				shape.types = new TreeSet<>(Set.of("null"));
			}
			else if (orNull && shape.types != null) {
				shape.types.add("null");
			}
			return shape;
		}

		private static JsonNode resolve(JsonNode root, String ref) {
			if (!ref.startsWith("#")) {
				throw new UnsupportedSchema("the $ref " + ref + " (only references inside the same file, #/...)");
			}
			JsonNode target = root.at(ref.substring(1));
			if (target.isMissingNode()) {
				throw new UnsupportedSchema("the $ref " + ref + ", which points to nothing");
			}
			return target;
		}

		private static Set<String> typesOf(JsonNode type) {
			Set<String> types = new TreeSet<>();
			if (type.isArray()) {
				type.values().forEach(each -> types.add(each.asString()));
			}
			else {
				types.add(type.asString());
			}
			return types;
		}

		Set<String> fieldNames() {
			Set<String> names = new LinkedHashSet<>(properties.keySet());
			names.addAll(required);
			return names;
		}

		/** A field only listed in {@code required} may hold anything. */
		JsonNode schemaOf(String name) {
			return properties.getOrDefault(name, BooleanNode.TRUE);
		}

		/** All of {@code other} holds as well (allOf, $ref with siblings). */
		void merge(Shape other) {
			if (other.types != null) {
				allowTypes(other.types);
			}
			if (other.enumValues != null) {
				allowValues(other.enumValues);
			}
			other.constraints.forEach(this::constrain);
			other.properties.forEach(this::addProperty);
			required.addAll(other.required);
			if (other.items != null) {
				setItems(other.items);
			}
		}

		private void allowTypes(Set<String> allowed) {
			if (types == null) {
				types = new TreeSet<>(allowed);
			}
			else {
				types.retainAll(allowed);
			}
		}

		private void allowValues(Set<JsonNode> allowed) {
			if (enumValues == null) {
				enumValues = new LinkedHashSet<>(allowed);
			}
			else {
				enumValues.retainAll(allowed);
			}
		}

		private void constrain(String keyword, JsonNode value) {
			JsonNode previous = constraints.putIfAbsent(keyword, value);
			if (previous != null && !sameValue(previous, value)) {
				throw new UnsupportedSchema(
						"two values of " + keyword + " at one place (" + previous + ", " + value + ")");
			}
		}

		private void addProperty(String name, JsonNode schema) {
			JsonNode previous = properties.putIfAbsent(name, schema);
			if (previous != null && !previous.equals(schema)) {
				throw new UnsupportedSchema("two schemas of the property " + name + " at one place");
			}
		}

		private void setItems(JsonNode schema) {
			if (items != null && !items.equals(schema)) {
				throw new UnsupportedSchema("two schemas of items at one place");
			}
			items = schema;
		}

	}

}
