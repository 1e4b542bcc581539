package org.decoop.events.compatibility;

/**
 * What the contract gate refuses, each with who it breaks and what the developer does
 * instead. The topics keep every event, so a change must hold both ways: consumers built
 * on the released schema read new events, and consumers built on the current schema
 * replay old events.
 */
public enum Rule {

	FIELD_REMOVED("field removed or renamed",
			"consumers built on the released version read this field and would find it missing.",
			"put the field back. To rename or drop it, publish a new event type (see docs/events.md, \"Breaking changes\")."),

	TYPE_CHANGED("type changed",
			"consumers built on the released version expect the released type, and consumers replaying the topic from the beginning meet it in old events.",
			"keep the type. A value of another type is a new optional field with a new name."),

	OPTIONAL_MADE_REQUIRED("optional field made required",
			"events already on the topics may lack it: consumers replaying them with the current schema would reject them.",
			"keep it optional, and say in its description when it is null or absent."),

	REQUIRED_MADE_OPTIONAL("required field made optional",
			"consumers built on the released version rely on it being present.",
			"keep it required. To stop carrying it, publish a new event type (see docs/events.md, \"Breaking changes\")."),

	NEW_REQUIRED_FIELD("new required field",
			"events already on the topics lack it: consumers replaying them with the current schema would reject them.",
			"add it as an optional field (null or absent in older events), and say so in its description."),

	ENUM_VALUE_REMOVED("enum value removed",
			"events already on the topics carry it: consumers replaying them with the current schema or records would reject them.",
			"keep the value in the schema and in the Java enum, even if nothing writes it any more."),

	ENUM_VALUE_ADDED("enum value added",
			"consumers built on the released version do not know it: event-contracts' records read enums strictly (Jackson rejects an unknown name) and exhaustive switches have no branch for it, so a deployed consumer would park every event that carries it.",
			"publish the new value in a new event type beside this one (see docs/events.md, \"Breaking changes\")."),

	CONSTRAINT_CHANGED("constraint changed",
			"a tighter constraint rejects events already on the topics; a looser one lets through values that consumers built on the released version reject or cannot store.",
			"keep the constraint as released. A field with other constraints is a new optional field with a new name."),

	EVENT_TYPE_REMOVED("event type removed", "consumers built on the released version wait for it.",
			"keep publishing it. Retire it only after a release in which its schema says \"deprecated\": true (see docs/events.md, \"Breaking changes\")."),

	UNSUPPORTED("schema the gate cannot compare",
			"the gate cannot prove the change safe for consumers, so it refuses it.",
			"use the constructs the gate compares (docs/events.md, \"Releasing a version\"), or teach SchemaCompatibility the new one, with a fixture under src/test/resources/compatibility/.");

	private final String title;

	private final String whyItBreaks;

	private final String whatToDo;

	Rule(String title, String whyItBreaks, String whatToDo) {
		this.title = title;
		this.whyItBreaks = whyItBreaks;
		this.whatToDo = whatToDo;
	}

	public String title() {
		return title;
	}

	public String whyItBreaks() {
		return whyItBreaks;
	}

	public String whatToDo() {
		return whatToDo;
	}

}
