package org.decoop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.decoop.events.SchemaValidation.JSON;
import static org.decoop.events.SchemaValidation.errors;
import static org.decoop.events.SchemaValidation.eventSchema;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent.Partner;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.events.plan.ActivityCompleted;
import org.decoop.events.plan.PlanEvent.Activity;
import org.decoop.events.plan.PlanSigned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas under {@code schemas/} describe exactly what Jackson writes for the
 * event records.
 */
class EventSchemaTest {

	static List<Class<? extends DecoopEvent>> catalogClasses() {
		return EventCatalog.eventClasses();
	}

	@Test
	void hasOneSamplePerCatalogClass() {
		assertThat(EventSamples.sampledClasses()).containsExactlyInAnyOrderElementsOf(EventCatalog.eventClasses());
	}

	@Test
	void hasOneSchemaFilePerCatalogClassAndNoOther() throws IOException, URISyntaxException {
		Path directory = Path.of(EventSchemaTest.class.getResource("/schemas").toURI());
		try (Stream<Path> files = Files.list(directory)) {
			// Sub-directories are not event schemas: released/ keeps the released
			// versions.
			assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(
						EventCatalog.eventClasses().stream().map(type -> EventCatalog.nameOf(type) + ".json").toList());
		}
	}

	@ParameterizedTest
	@MethodSource("catalogClasses")
	void namesEachSchemaAfterItsEventType(Class<? extends DecoopEvent> eventClass) {
		String name = EventCatalog.nameOf(eventClass);
		JsonNode schema = schemaDocument(name);

		assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(schema.get("$id").asString()).isEqualTo("https://decoop.org/schemas/v1/" + name + ".json");
		assertThat(schema.get("title").asString()).isEqualTo(name);
		assertThat(schema.get("description").asString()).contains(EventCatalog.typeOf(eventClass));
		assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
	}

	@ParameterizedTest
	@MethodSource("catalogClasses")
	void describesEveryFieldOfTheRecordAndNoOther(Class<? extends DecoopEvent> eventClass) {
		JsonNode schema = schemaDocument(EventCatalog.nameOf(eventClass));
		Set<String> components = Arrays.stream(eventClass.getRecordComponents())
			.map(component -> component.getName())
			.collect(Collectors.toSet());

		assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(components);
		assertThat(schema.get("required").values()).map(JsonNode::asString)
			.contains("occurredAt")
			.isSubsetOf(components);
	}

	@ParameterizedTest
	@MethodSource("catalogClasses")
	void serializesEveryEventValidAgainstItsSchema(Class<? extends DecoopEvent> eventClass) {
		DecoopEvent sample = EventSamples.sampleOf(eventClass);
		String json = JSON.writeValueAsString(sample);

		assertThat(errors(eventSchema(EventCatalog.nameOf(eventClass)), json)).as(json).isEmpty();
		assertThat(JSON.readTree(json).propertyNames()).as("every field written, nulls included")
			.hasSize(eventClass.getRecordComponents().length);
	}

	@Test
	void writesInstantsDatesAmountsAndThemesAsTheSchemasSay() {
		JsonNode planSigned = JSON.valueToTree(EventSamples.planSigned());
		JsonNode activity = planSigned.get("activities").get(0);

		assertThat(planSigned.get("occurredAt").asString()).isEqualTo("2020-06-15T09:45:00.300Z");
		assertThat(activity.get("startsOn").asString()).isEqualTo("2020-09-01");
		assertThat(activity.get("funding").get(0).get("amountEur").isNumber()).isTrue();
		assertThat(activity.get("theme").asString()).isEqualTo("YOUTH");
		assertThat(planSigned.get("activities").get(1).get("startsOn").isNull()).isTrue();
	}

	@Test
	void acceptsNullForOptionalFields() {
		PartnershipEstablished established = EventSamples.partnershipEstablished();
		PartnershipEstablished withoutSinceNorCoordinator = new PartnershipEstablished(established.partnershipId(),
				established.version(), established.status(), established.partners(), null, established.themes(), null,
				established.occurredAt());
		PartnershipReactivated reactivated = EventSamples.partnershipReactivated();
		PartnershipReactivated byHand = new PartnershipReactivated(reactivated.partnershipId(), reactivated.version(),
				reactivated.status(), reactivated.partners(), reactivated.themes(), "Restarted by both mayors", null,
				reactivated.occurredAt());
		PartnershipWentDormant dormant = EventSamples.partnershipWentDormant();
		PartnershipWentDormant withoutLastActivity = new PartnershipWentDormant(dormant.partnershipId(),
				dormant.version(), dormant.status(), dormant.partners(), dormant.themes(), dormant.reason(), null,
				dormant.occurredAt());

		assertValid(withoutSinceNorCoordinator);
		assertValid(byHand);
		assertValid(withoutLastActivity);
		assertThat(JSON.valueToTree(byHand).get("planId").isNull()).isTrue();
	}

	@Test
	void acceptsAnOptionalFieldLeftOut() {
		ObjectNode established = JSON.valueToTree(EventSamples.partnershipEstablished());
		established.remove(List.of("since", "coordinator"));

		assertThat(errors(eventSchema("PartnershipEstablished"), established)).isEmpty();
	}

	@Test
	void acceptsEventsWrittenBeforePartnerCodesAndPlanPartiesWereCarried() {
		ObjectNode established = JSON.valueToTree(EventSamples.partnershipEstablished());
		established.get("partners")
			.values()
			.forEach(partner -> ((ObjectNode) partner).remove(List.of("code", "latitude", "longitude")));
		ObjectNode signed = JSON.valueToTree(EventSamples.planSigned());
		signed.get("activities").values().forEach(activity -> ((ObjectNode) activity).remove("vouchedBySteward"));
		ObjectNode completed = JSON.valueToTree(EventSamples.activityCompleted());
		completed.remove(List.of("partyCodes", "vouchedBySteward"));

		assertThat(errors(eventSchema("PartnershipEstablished"), established)).isEmpty();
		assertThat(errors(eventSchema("PlanSigned"), signed)).isEmpty();
		assertThat(errors(eventSchema("ActivityCompleted"), completed)).isEmpty();
		assertThat(JSON.treeToValue(completed, ActivityCompleted.class).partyCodes()).isNull();
	}

	@Test
	void toleratesAddedFields() {
		ObjectNode planSigned = JSON.valueToTree(EventSamples.planSigned());
		planSigned.put("budgetTotalEur", 43250.5);
		((ObjectNode) planSigned.get("activities").get(0)).put("location", "Sremska Mitrovica");
		((ObjectNode) planSigned.get("parties").get(0)).put("country", "FR");

		assertThat(errors(eventSchema("PlanSigned"), planSigned)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "France", "fr", "F", "SRB", "R5" })
	void rejectsAPartnerWithABadCountry(String country) {
		PartnershipEstablished established = EventSamples.partnershipEstablished();
		PartnershipEstablished badCountry = new PartnershipEstablished(established.partnershipId(), 0,
				PartnershipStatus.ACTIVE,
				List.of(new Partner("la-fr-nevers", "Nevers", country), established.partners().get(1)),
				established.since(), established.themes(), established.coordinator(), established.occurredAt());

		assertThat(errors(eventSchema("PartnershipEstablished"), JSON.writeValueAsString(badCountry)))
			.anySatisfy(error -> assertThat(error).contains("/partners/0/country"));
	}

	@Test
	void carriesWhereAPartnerIsWhenKnown() {
		JsonNode partners = JSON.valueToTree(EventSamples.partnershipEstablished()).get("partners");

		assertThat(partners.get(0).get("latitude").asDouble()).isEqualTo(46.9896);
		assertThat(partners.get(0).get("longitude").asDouble()).isEqualTo(3.159);
		assertThat(partners.get(1).get("latitude").isNull()).as("a partner whose place is unknown").isTrue();
	}

	@Test
	void rejectsAPartnerOffTheGlobe() {
		ObjectNode established = JSON.valueToTree(EventSamples.partnershipEstablished());
		((ObjectNode) established.get("partners").get(0)).put("latitude", 91);
		((ObjectNode) established.get("partners").get(1)).put("longitude", -180.5);

		assertRejectedAt("PartnershipEstablished", established, "/partners/0/latitude", "/partners/1/longitude");
	}

	@Test
	void rejectsAnUnknownTheme() {
		ObjectNode established = JSON.valueToTree(EventSamples.partnershipEstablished());
		established.putArray("themes").add("YOUTH").add("SPACE_EXPLORATION");
		ObjectNode planSigned = JSON.valueToTree(EventSamples.planSigned());
		((ObjectNode) planSigned.get("activities").get(0)).put("theme", "youth");

		assertRejectedAt("PartnershipEstablished", established, "/themes/1");
		assertRejectedAt("PlanSigned", planSigned, "/activities/0/theme");
	}

	@Test
	void rejectsANegativeAmountAndAnUnknownFundingSource() {
		ObjectNode planSigned = JSON.valueToTree(EventSamples.planSigned());
		ObjectNode funding = (ObjectNode) planSigned.get("activities").get(0).get("funding").get(0);
		funding.put("amountEur", -1);
		funding.put("source", "WORLD_BANK");

		assertRejectedAt("PlanSigned", planSigned, "/activities/0/funding/0/amountEur",
				"/activities/0/funding/0/source");
	}

	@Test
	void rejectsAMissingFieldAMalformedTimeAndAWrongStatus() {
		ObjectNode planSigned = JSON.valueToTree(EventSamples.planSigned());
		planSigned.remove("planId");
		planSigned.put("occurredAt", "15/06/2020 09:45");
		ObjectNode dormant = JSON.valueToTree(EventSamples.partnershipWentDormant());
		dormant.put("status", "ACTIVE");
		dormant.put("lastActivityOn", "2013-13-45");

		assertRejectedAt("PlanSigned", planSigned, "planId", "/occurredAt");
		assertRejectedAt("PartnershipWentDormant", dormant, "/status", "/lastActivityOn");
	}

	@Test
	void rejectsASingleParty() {
		PlanSigned planSigned = EventSamples.planSigned();
		PlanSigned oneParty = new PlanSigned(planSigned.planId(), planSigned.version(), planSigned.year(),
				planSigned.title(), planSigned.parties().subList(0, 1), planSigned.themes(), List.<Activity>of(),
				planSigned.occurredAt());

		assertThat(errors(eventSchema("PlanSigned"), JSON.writeValueAsString(oneParty)))
			.anySatisfy(error -> assertThat(error).contains("/parties"));
	}

	@Test
	void declaresTheJavaEnumsExactly() {
		Map<String, List<String>> javaEnums = Map.of("Theme", names(Theme.values()), "FundingSource",
				names(FundingSource.values()), "Channel", names(Channel.values()), "PartnershipStatus",
				names(PartnershipStatus.values()), "PartnerSearchStatus", names(PartnerSearchStatus.values()));
		Set<String> seen = new TreeSet<>();

		for (Class<? extends DecoopEvent> eventClass : EventCatalog.eventClasses()) {
			JsonNode defs = schemaDocument(EventCatalog.nameOf(eventClass)).path("$defs");
			defs.forEachEntry((name, definition) -> {
				if (definition.has("enum")) {
					assertThat(javaEnums).as("enum %s of %s", name, eventClass.getSimpleName()).containsKey(name);
					assertThat(definition.get("enum").values()).map(JsonNode::asString)
						.as("%s in %s", name, eventClass.getSimpleName())
						.containsExactlyElementsOf(javaEnums.get(name));
					seen.add(name);
				}
			});
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(javaEnums.keySet());
	}

	@Test
	void constrainsCountriesAndAmounts() {
		JsonNode established = schemaDocument("PartnershipEstablished");
		JsonNode planSigned = schemaDocument("PlanSigned");

		assertThat(established.at("/$defs/Country/pattern").asString()).isEqualTo("^[A-Z]{2}$");
		assertThat(planSigned.at("/$defs/Funding/properties/amountEur/minimum").asInt()).isZero();
	}

	private static void assertValid(DecoopEvent event) {
		String json = JSON.writeValueAsString(event);
		assertThat(errors(eventSchema(EventCatalog.nameOf(event.getClass())), json)).as(json).isEmpty();
	}

	private static JsonNode schemaDocument(String name) {
		return SchemaValidation.readJson("/schemas/" + name + ".json");
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	/** Asserts the schema of {@code event} finds an error at each of {@code places}. */
	private static void assertRejectedAt(String event, JsonNode json, String... places) {
		Set<String> errors = errors(eventSchema(event), json);
		for (String place : places) {
			assertThat(errors).anySatisfy(error -> assertThat(error).contains(place));
		}
	}

}
