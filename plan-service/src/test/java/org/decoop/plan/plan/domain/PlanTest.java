package org.decoop.plan.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.decoop.events.PlanStatus.CANCELLED;
import static org.decoop.events.PlanStatus.COMPLETED;
import static org.decoop.events.PlanStatus.DRAFT;
import static org.decoop.events.PlanStatus.SIGNED;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.events.plan.ActivityCompleted;
import org.decoop.events.plan.PlanCancelled;
import org.decoop.events.plan.PlanCompleted;
import org.decoop.events.plan.PlanDrafted;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSignatureRecorded;
import org.decoop.events.plan.PlanSigned;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.decoop.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

class PlanTest {

	private static final Instant DRAFTED = Instant.parse("2020-01-15T10:00:00Z");

	private static final Instant SIGNING = Instant.parse("2020-02-27T11:00:00Z");

	private static final List<Party> PARTIES = List.of(new Party("AMBAFRANCE-RS", "Ambassade de France en Serbie"),
			new Party("SKGO", "Stalna konferencija gradova i opština"));

	private static final Actor EMBASSY = signer("Ambassade de France", "AMBAFRANCE-RS");

	/** The plans here take money from no funding call. */
	private static final Map<String, FundingCall> NO_CALLS = Map.of();

	@Test
	void onlyACallerActingForAPartyChangesOrSignsThePlan() {
		Actor nevers = signer("Ville de Nevers", "FR-NEVERS");
		Actor steward = new Actor(Actor.Kind.USER, "sub-steward", "A steward", Set.of("RS-KRAGUJEVAC"), true);
		assertThatThrownBy(
				() -> Plan.draft(Ids.newId(PlanId::new), 2020, "Plan", PARTIES, List.of(), List.of(), nevers, DRAFTED))
			.isInstanceOf(NotAllowed.class);
		Plan plan = plan2020();
		plan.pullEvents();

		assertThatThrownBy(() -> plan.addActivity(activity(), nevers)).isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> plan.cancel("Not mine", steward, SIGNING)).as("a steward is not a party")
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> plan.sign("SKGO", nevers, SIGNING, NO_CALLS)).isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> plan.sign("SKGO", EMBASSY, SIGNING, NO_CALLS))
			.as("acting for one party is not signing for another")
			.isInstanceOf(NotAllowed.class);
		assertThat(plan.signatures()).isEmpty();
		assertThat(plan.pullEvents()).isEmpty();

		plan.sign("SKGO", signer("Secrétaire général", "SKGO"), SIGNING, NO_CALLS);
		assertThat(plan.signatures()).singleElement().satisfies(signature -> {
			assertThat(signature.signedBy()).isEqualTo("Secrétaire général");
			assertThat(signature.signerId()).isEqualTo("sub-Secrétaire général");
		});
	}

	@Test
	void draftsAPlanAndRecordsPlanDrafted() {
		Plan plan = plan2020();

		assertThat(plan.status()).isEqualTo(DRAFT);
		assertThat(plan.pullEvents()).singleElement().isInstanceOfSatisfying(PlanDrafted.class, event -> {
			assertThat(event.year()).isEqualTo(2020);
			assertThat(event.parties()).extracting(PlanEvent.Party::code).containsExactly("AMBAFRANCE-RS", "SKGO");
			assertThat(event.activities()).hasSize(1);
		});
	}

	@Test
	void refusesFewerThanTwoPartiesAndTheSamePartyTwice() {
		assertThatThrownBy(() -> Plan.draft(Ids.newId(PlanId::new), 2020, "Plan", List.of(PARTIES.get(0)), List.of(),
				List.of(), EMBASSY, DRAFTED))
			.isInstanceOfSatisfying(InvalidValue.class,
					e -> assertThat(e.field().orElseThrow()).hasToString("parties"));
		assertThatThrownBy(() -> Plan.draft(Ids.newId(PlanId::new), 2020, "Plan",
				List.of(PARTIES.get(0), PARTIES.get(1), new Party("SKGO", "Again")), List.of(), List.of(), EMBASSY,
				DRAFTED))
			.isInstanceOfSatisfying(InvalidValue.class,
					e -> assertThat(e.field().orElseThrow()).hasToString("parties[2].code"));
	}

	@Test
	void refusesNegativeAmountsAndActivitiesThatEndBeforeTheyStart() {
		assertThatThrownBy(() -> new FundingLine(FundingSource.EU_CALL, new BigDecimal("-1"))).isInstanceOfSatisfying(
				InvalidValue.class, e -> assertThat(e.field().orElseThrow()).hasToString("amountEur"));
		assertThatThrownBy(() -> new FundingLine(FundingSource.EU_CALL, new BigDecimal("1.005")))
			.isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> Activity.planned("Exchange", Theme.YOUTH, List.of(), LocalDate.of(2020, 5, 1),
				LocalDate.of(2020, 4, 1), List.of()))
			.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field().orElseThrow()).hasToString("endsOn"));
	}

	@Test
	void keepsActivityDatesBetween1950And2100AndAroundThePlansYear() {
		assertThatThrownBy(() -> Activity.planned("Exchange", Theme.YOUTH, List.of(), LocalDate.of(-999_999_999, 1, 1),
				null, List.of()))
			.isInstanceOfSatisfying(InvalidValue.class,
					e -> assertThat(e.field().orElseThrow()).hasToString("startsOn"));
		assertThatThrownBy(
				() -> Activity.planned("Exchange", Theme.YOUTH, List.of(), null, LocalDate.of(2101, 1, 1), List.of()))
			.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field().orElseThrow()).hasToString("endsOn"));

		Activity in2023 = Activity.planned("Exchange", Theme.YOUTH, List.of(), LocalDate.of(2023, 3, 1), null,
				List.of());
		assertThatThrownBy(() -> Plan.draft(Ids.newId(PlanId::new), 2021, "Plan", PARTIES, List.of(),
				List.of(activity(), in2023), EMBASSY, DRAFTED))
			.isInstanceOfSatisfying(InvalidValue.class,
					e -> assertThat(e.field().orElseThrow()).hasToString("activities[1].startsOn"));
		Plan plan = Plan.draft(Ids.newId(PlanId::new), 2021, "Plan", PARTIES, List.of(), List.of(), EMBASSY, DRAFTED);
		assertThatThrownBy(() -> plan.addActivity(in2023, EMBASSY)).isInstanceOfSatisfying(InvalidValue.class,
				e -> assertThat(e.field().orElseThrow()).hasToString("startsOn"));

		Activity acrossTheYears = Activity.planned("Exchange", Theme.YOUTH, List.of(), LocalDate.of(2020, 1, 1),
				LocalDate.of(2022, 12, 31), List.of());
		plan.addActivity(acrossTheYears, EMBASSY);
		assertThat(plan.activities()).containsExactly(acrossTheYears);
	}

	@Test
	void becomesSignedWithTheLastMissingSignatureOnly() {
		Plan plan = plan2020();
		plan.pullEvents();

		plan.sign("AMBAFRANCE-RS", signer("Ambassador", "AMBAFRANCE-RS"), SIGNING, NO_CALLS);
		assertThat(plan.status()).isEqualTo(DRAFT);
		assertThat(plan.pullEvents()).singleElement().isInstanceOf(PlanSignatureRecorded.class);

		plan.sign("SKGO", signer("Secretary General", "SKGO"), SIGNING.plusSeconds(60), NO_CALLS);
		assertThat(plan.status()).isEqualTo(SIGNED);
		List<PlanEvent> events = plan.pullEvents();
		assertThat(events).hasSize(2);
		assertThat(events.get(0)).isInstanceOfSatisfying(PlanSignatureRecorded.class, event -> {
			assertThat(event.party()).isEqualTo("SKGO");
			assertThat(event.signedBy()).isEqualTo("Secretary General");
		});
		assertThat(events.get(1)).isInstanceOfSatisfying(PlanSigned.class, event -> {
			assertThat(event.parties()).extracting(PlanEvent.SignedParty::signedBy)
				.containsExactly("Ambassador", "Secretary General");
			assertThat(event.themes()).contains(Theme.GENDER_EQUALITY, Theme.URBAN_PLANNING);
			assertThat(event.activities().get(0).funding()).extracting(PlanEvent.Funding::amountEur)
				.containsExactly(new BigDecimal("30000.00"), new BigDecimal("15000.00"));
		});
	}

	@Test
	void refusesAnUnknownPartyAndASecondSignature() {
		Plan plan = plan2020();
		assertThatThrownBy(() -> plan.sign("NOBODY", signer("X", "NOBODY"), SIGNING, NO_CALLS))
			.isInstanceOfSatisfying(PartyUnknown.class, e -> assertThat(e.field().orElseThrow()).hasToString("party"));

		plan.sign("SKGO", signer("Secretary General", "SKGO"), SIGNING, NO_CALLS);
		assertThatThrownBy(() -> plan.sign("SKGO", signer("Someone else", "SKGO"), SIGNING, NO_CALLS))
			.isInstanceOf(PartyAlreadySigned.class);
		assertThat(plan.signatures()).hasSize(1);
	}

	@Test
	void refusesSignaturesWhileThePlanHasNoActivity() {
		Plan empty = Plan.draft(Ids.newId(PlanId::new), 2021, "Empty", PARTIES, List.of(Theme.YOUTH), List.of(),
				EMBASSY, DRAFTED);

		assertThatThrownBy(() -> empty.sign("SKGO", signer("Secretary General", "SKGO"), SIGNING, NO_CALLS))
			.isInstanceOfSatisfying(PlanHasNoActivity.class,
					e -> assertThat(e.field().orElseThrow()).hasToString("activities"));
		assertThat(empty.signatures()).isEmpty();
	}

	@Test
	void freezesTheContentOnceSigned() {
		Plan plan = signedPlan();

		assertThatThrownBy(() -> plan.addActivity(activity(), EMBASSY)).isInstanceOf(StateConflict.class);
		assertThatThrownBy(() -> plan.cancel("Too late", EMBASSY, SIGNING)).isInstanceOf(StateConflict.class);
		assertThat(plan.activities()).hasSize(1);
	}

	@Test
	void completesActivitiesOneByOneThenThePlan() {
		Plan plan = plan2020();
		plan.addActivity(activity(), EMBASSY);
		plan.sign("AMBAFRANCE-RS", signer("Ambassador", "AMBAFRANCE-RS"), SIGNING, NO_CALLS);
		plan.sign("SKGO", signer("Secretary General", "SKGO"), SIGNING, NO_CALLS);
		plan.pullEvents();
		ActivityId first = plan.activities().get(0).id();
		ActivityId second = plan.activities().get(1).id();

		plan.completeActivity(first, EMBASSY, Instant.parse("2020-10-31T12:00:00Z"));
		assertThat(plan.status()).isEqualTo(SIGNED);
		assertThat(plan.pullEvents()).singleElement()
			.isInstanceOfSatisfying(ActivityCompleted.class,
					event -> assertThat(event.completedOn()).isEqualTo(LocalDate.of(2020, 10, 31)));
		assertThatThrownBy(() -> plan.completeActivity(first, EMBASSY, SIGNING)).isInstanceOf(StateConflict.class);

		plan.completeActivity(second, EMBASSY, Instant.parse("2020-12-01T12:00:00Z"));
		assertThat(plan.status()).isEqualTo(COMPLETED);
		assertThat(plan.pullEvents()).extracting(Object::getClass)
			.containsExactly(ActivityCompleted.class, PlanCompleted.class);
	}

	@Test
	void namesOnlyPartnershipsOfItsPartiesUnlessAStewardAsks() {
		List<Party> suresnesKragujevac = List.of(new Party("FR-SURESNES", "Suresnes"),
				new Party("RS-KRAGUJEVAC", "Kragujevac"));
		Map<String, Set<String>> partners = Map.of("p-suresnes-kg", Set.of("FR-SURESNES", "RS-KRAGUJEVAC"),
				"p-nevers-sm", Set.of("FR-NEVERS", "RS-SREMSKA-MITROVICA"), "p-before-codes", Set.of());
		Activity borrowing = Activity.planned("Youth", Theme.YOUTH, List.of("p-suresnes-kg", "p-nevers-sm"), null, null,
				List.of());
		Actor suresnes = signer("Ville de Suresnes", "FR-SURESNES");
		Actor steward = new Actor(Actor.Kind.USER, "sub-skgo", "SKGO", Set.of("SKGO"), true);
		Field second = Field.named("activities").at(2);

		assertThatThrownBy(() -> Plan.requireMayName(suresnesKragujevac, borrowing, second, partners, suresnes))
			.isInstanceOfSatisfying(NotAllowed.class, refused -> assertThat(refused.field().orElseThrow())
				.hasToString("activities[2].partnershipIds[1]"));
		assertThatThrownBy(() -> Plan.requireMayName(suresnesKragujevac,
				Activity.planned("Old", Theme.YOUTH, List.of("p-before-codes"), null, null, List.of()), partners,
				suresnes))
			.as("a partnership whose partners have no code yet")
			.isInstanceOfSatisfying(NotAllowed.class,
					refused -> assertThat(refused.field().orElseThrow()).hasToString("partnershipIds[0]"));
		Plan.requireMayName(suresnesKragujevac,
				Activity.planned("Own", Theme.YOUTH, List.of("p-suresnes-kg"), null, null, List.of()), second, partners,
				suresnes);
		Plan.requireMayName(suresnesKragujevac, borrowing, second, partners, steward);
	}

	@Test
	void tellsConsumersWhoIsBehindTheActivitiesItsEventsName() {
		Actor steward = new Actor(Actor.Kind.USER, "sub-embassy", "Ambassade de France", Set.of("AMBAFRANCE-RS"), true);
		Plan plan = Plan.draft(Ids.newId(PlanId::new), 2020, "Akcioni plan 2020", PARTIES, List.of(Theme.YOUTH),
				List.of(activity()), steward, DRAFTED);
		plan.addActivity(activity(), EMBASSY);
		plan.sign("AMBAFRANCE-RS", signer("Ambassador", "AMBAFRANCE-RS"), SIGNING, NO_CALLS);
		plan.sign("SKGO", signer("Secretary General", "SKGO"), SIGNING, NO_CALLS);

		assertThat(plan.pullEvents()).filteredOn(PlanSigned.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(PlanSigned.class,
					signed -> assertThat(signed.activities()).extracting(PlanEvent.Activity::vouchedBySteward)
						.containsExactly(true, false));
		plan.completeActivity(plan.activities().get(1).id(), EMBASSY, SIGNING);
		assertThat(plan.pullEvents()).singleElement().isInstanceOfSatisfying(ActivityCompleted.class, completed -> {
			assertThat(completed.partyCodes()).containsExactly("AMBAFRANCE-RS", "SKGO");
			assertThat(completed.vouchedBySteward()).isFalse();
		});
	}

	@Test
	void completesActivitiesOfSignedPlansOnly() {
		Plan plan = plan2020();
		ActivityId activity = plan.activities().get(0).id();

		assertThatThrownBy(() -> plan.completeActivity(activity, EMBASSY, SIGNING)).isInstanceOf(StateConflict.class);
		assertThatThrownBy(() -> signedPlan().completeActivity(new ActivityId("nope"), EMBASSY, SIGNING))
			.isInstanceOf(DoesNotExist.class);
	}

	@Test
	void cancelsADraft() {
		Plan plan = plan2020();
		plan.pullEvents();

		plan.cancel("Replaced by a new draft", EMBASSY, SIGNING);

		assertThat(plan.status()).isEqualTo(CANCELLED);
		assertThat(plan.pullEvents()).singleElement()
			.isInstanceOfSatisfying(PlanCancelled.class,
					event -> assertThat(event.reason()).isEqualTo("Replaced by a new draft"));
		assertThatThrownBy(() -> plan.sign("SKGO", signer("Secretary General", "SKGO"), SIGNING, NO_CALLS))
			.isInstanceOf(StateConflict.class);
	}

	@Test
	void totalsFundingBySourceAndByTheme() {
		Plan plan = plan2020();
		plan.addActivity(activity(), EMBASSY);

		assertThat(plan.totalEur()).isEqualByComparingTo("47500.50");
		assertThat(plan.fundingBySource().get(FundingSource.FRENCH_MFA)).isEqualByComparingTo("30000");
		assertThat(plan.fundingBySource().get(FundingSource.EU_CALL)).isEqualByComparingTo("2500.50");
		assertThat(plan.fundingBySource().get(FundingSource.OTHER)).isEqualByComparingTo("0");
		assertThat(plan.fundingByTheme()).containsOnlyKeys(Theme.YOUTH, Theme.ENVIRONMENT);
		assertThat(plan.fundingByTheme().get(Theme.ENVIRONMENT)).isEqualByComparingTo("2500.50");
	}

	private static Plan signedPlan() {
		Plan plan = plan2020();
		plan.sign("AMBAFRANCE-RS", signer("Ambassador", "AMBAFRANCE-RS"), SIGNING, NO_CALLS);
		plan.sign("SKGO", signer("Secretary General", "SKGO"), SIGNING, NO_CALLS);
		plan.pullEvents();
		return plan;
	}

	private static Plan plan2020() {
		Activity youthExchange = Activity.planned("Youth exchange Nevers – Sremska Mitrovica", Theme.YOUTH,
				List.of("p-nevers-sm"), LocalDate.of(2020, 4, 1), LocalDate.of(2020, 10, 31),
				List.of(new FundingLine(FundingSource.FRENCH_MFA, new BigDecimal("30000")),
						new FundingLine(FundingSource.LOCAL_BUDGET, new BigDecimal("15000"))));
		return Plan.draft(Ids.newId(PlanId::new), 2020, "Akcioni plan 2020", PARTIES,
				List.of(Theme.GENDER_EQUALITY, Theme.RULE_OF_LAW, Theme.YOUTH, Theme.LOCAL_ECONOMIC_DEVELOPMENT,
						Theme.ENVIRONMENT, Theme.URBAN_PLANNING),
				List.of(youthExchange), EMBASSY, DRAFTED);
	}

	/** A signed-in user with this name, acting for these codes. */
	private static Actor signer(String name, String... actsFor) {
		return new Actor(Actor.Kind.USER, "sub-" + name, name, Set.of(actsFor), false);
	}

	private static Activity activity() {
		return Activity.planned("River clean-up", Theme.ENVIRONMENT, List.of("p-nevers-sm"), null, null,
				List.of(new FundingLine(FundingSource.EU_CALL, new BigDecimal("2500.50"))));
	}

}
