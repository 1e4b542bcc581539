package org.decoop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event catalog in {@code docs/events.md} cannot drift from the code: it has one
 * {@code ### <EventName>} section per event of {@link EventCatalog} and no other, and
 * each section's field table lists exactly the components of the event's record, in
 * order.
 */
class EventsDocumentationTest {

	/** Relative to the module directory, where Maven runs the tests. */
	private static final Path DOCUMENT = Path.of("..", "docs", "events.md");

	/** A level-3 heading: an event section. {@code ####} and deeper are not. */
	private static final Pattern EVENT_HEADING = Pattern.compile("^###\\s+(\\S.*?)\\s*#*\\s*$");

	/** Any heading of level 1 to 3 ends an event section. */
	private static final Pattern SECTION_END = Pattern.compile("^#{1,3}\\s");

	private static Path document;

	private static Map<String, List<String>> sections;

	private static List<String> headings;

	@BeforeAll
	static void readDocument() throws IOException {
		document = locate();
		headings = new ArrayList<>();
		sections = new LinkedHashMap<>();
		String current = null;
		boolean inFence = false;
		for (String line : Files.readAllLines(document)) {
			if (line.strip().startsWith("```")) {
				inFence = !inFence;
			}
			if (!inFence) {
				Matcher heading = EVENT_HEADING.matcher(line);
				if (heading.matches()) {
					current = heading.group(1).replace("`", "").strip();
					headings.add(current);
					sections.putIfAbsent(current, new ArrayList<>());
					continue;
				}
				if (SECTION_END.matcher(line).find()) {
					current = null;
					continue;
				}
			}
			if (current != null) {
				sections.get(current).add(line);
			}
		}
	}

	static Stream<Arguments> catalogClasses() {
		return EventCatalog.eventClasses()
			.stream()
			.map(eventClass -> Arguments.of(Named.of(EventCatalog.nameOf(eventClass), eventClass)));
	}

	@Test
	void documentsEveryEventOfTheCatalog() {
		List<String> names = EventCatalog.eventClasses().stream().map(EventCatalog::nameOf).toList();

		assertThat(headings).as("### sections of %s (one per event of EventCatalog)", document)
			.containsAll(names)
			.doesNotHaveDuplicates();
	}

	@Test
	void documentsNoEventOutsideTheCatalog() {
		List<String> names = EventCatalog.eventClasses().stream().map(EventCatalog::nameOf).toList();

		assertThat(headings)
			.as("### sections of %s that name no event of EventCatalog (use ## or bold text for other sections)",
					document)
			.allSatisfy(heading -> assertThat(names).as("event names of EventCatalog").contains(heading));
	}

	@ParameterizedTest
	@MethodSource("catalogClasses")
	void listsExactlyTheRecordComponentsOfEachEvent(Class<? extends DecoopEvent> eventClass) {
		String name = EventCatalog.nameOf(eventClass);
		List<String> components = Arrays.stream(eventClass.getRecordComponents())
			.map(component -> component.getName())
			.toList();

		List<String> documented = fieldTable(name)
			.orElseGet(() -> fail("### %s in %s has no table whose first column is 'field'", name, document));

		assertThat(documented)
			.as("fields listed by ### %s in %s, against the components of record %s", name, document,
					eventClass.getName())
			.containsExactlyElementsOf(components);
	}

	@ParameterizedTest
	@MethodSource("catalogClasses")
	void namesTheCloudEventTypeAndTopicOfEachEvent(Class<? extends DecoopEvent> eventClass) {
		String name = EventCatalog.nameOf(eventClass);
		String text = String.join("\n", section(name));

		assertThat(text).as("### %s in %s", name, document)
			.contains("`" + EventCatalog.typeOf(eventClass) + "`")
			.contains("`" + EventCatalog.topicOf(eventClass) + "`");
	}

	private static List<String> section(String name) {
		List<String> lines = sections.get(name);
		if (lines == null) {
			fail("%s has no section '### %s'", document, name);
		}
		return lines;
	}

	/**
	 * The first column of the section's first table headed {@code | field | ...}, without
	 * backticks.
	 */
	private static Optional<List<String>> fieldTable(String name) {
		List<String> lines = section(name);
		for (int i = 0; i < lines.size(); i++) {
			List<String> header = cells(lines.get(i));
			if (!header.isEmpty() && header.get(0).equalsIgnoreCase("field")) {
				List<String> fields = new ArrayList<>();
				// Skip the header and the |---| separator; the table ends at the first
				// line that is not a row.
				for (int row = i + 2; row < lines.size() && lines.get(row).strip().startsWith("|"); row++) {
					fields.add(cells(lines.get(row)).get(0).replace("`", "").strip());
				}
				return Optional.of(fields);
			}
		}
		return Optional.empty();
	}

	private static List<String> cells(String line) {
		String row = line.strip();
		if (!row.startsWith("|")) {
			return List.of();
		}
		row = row.substring(1);
		if (row.endsWith("|")) {
			row = row.substring(0, row.length() - 1);
		}
		return Arrays.stream(row.split("\\|", -1)).map(String::strip).toList();
	}

	/**
	 * {@code ../docs/events.md} from the module directory, or {@code docs/events.md} from
	 * the project root.
	 */
	private static Path locate() {
		List<Path> candidates = new ArrayList<>();
		String basedir = System.getProperty("basedir");
		if (basedir != null) {
			candidates.add(Path.of(basedir).resolve(DOCUMENT));
		}
		candidates.add(DOCUMENT);
		candidates.add(Path.of("docs", "events.md"));
		return candidates.stream()
			.map(path -> path.toAbsolutePath().normalize())
			.filter(Files::isRegularFile)
			.findFirst()
			.orElseGet(() -> fail("The event catalog docs/events.md is missing; looked for %s (working directory %s)",
					candidates.stream().map(path -> path.toAbsolutePath().normalize()).toList(),
					Path.of("").toAbsolutePath()));
	}

}
