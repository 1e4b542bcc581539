package org.decoop.events.compatibility;

/**
 * One change of the current schema of an event that would break consumers of a released
 * version.
 *
 * @param event the event's name, e.g. {@code PlanSigned}
 * @param path where in the event's JSON, e.g. {@code $.parties[*].code}
 * @param rule the rule it breaks
 * @param detail what changed, e.g. {@code was integer, is now string}
 * @param releasedVersion the released version the current schema was compared with
 */
public record Breach(String event, String path, Rule rule, String detail, String releasedVersion) {

	/**
	 * The message a developer reads when the build fails: where, what, why it breaks,
	 * what to do.
	 */
	public String message() {
		return """
				%s at %s: %s [%s]. %s
				  Why it breaks: %s
				  What to do: %s
				  Compare event-contracts/src/main/resources/schemas/%s.json with schemas/released/%s/%s.json."""
			.formatted(event, path, rule.title(), rule, detail, rule.whyItBreaks(), rule.whatToDo(), event,
					releasedVersion, event);
	}

	@Override
	public String toString() {
		return message();
	}
}
