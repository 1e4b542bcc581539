package org.decoop.plan.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.FundingSource;
import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.events.plan.PlanDrafted;
import org.decoop.events.plan.PlanSigned;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.plan.fundingcall.domain.FundingCallId;
import org.decoop.plan.fundingcall.domain.FundingLineRefused;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.Ids;
import org.junit.jupiter.api.Test;

/**
 * A plan's funding lines that name a funding call follow the call's rules; the call is
 * OPEN on the day the plan is signed.
 */
class CallFundingTest {

	private static final Actor EMBASSY = new Actor(Actor.Kind.USER, "sub-embassy", "Embassy", Set.of("AMBAFRANCE-RS"),
			true);

	private static final Actor SKGO = new Actor(Actor.Kind.USER, "sub-skgo", "SKGO", Set.of("SKGO"), false);

	private static final FundingCall MEAE = FundingCall.publish(Ids.newId(FundingCallId::new), "MEAE-FR-RS-2020",
			"Franco-Serbian call", FundingSource.FRENCH_MFA, List.of(Theme.YOUTH, Theme.ENVIRONMENT),
			List.of(Country.of("FR"), Country.of("RS")), LocalDate.of(2020, 2, 1), LocalDate.of(2020, 6, 30),
			new BigDecimal("20000"), new BigDecimal("0.6"), EMBASSY, Instant.parse("2020-01-10T09:00:00Z"));

	/**
	 * A call that may co-finance up to 70 % of an activity, with a grant of at most 20000
	 * EUR per activity.
	 */
	private static final FundingCall CAPPED = FundingCall.publish(Ids.newId(FundingCallId::new), "MEAE-FR-RS-2020-CAP",
			"Capped call", FundingSource.FRENCH_MFA, List.of(Theme.YOUTH), List.of(Country.of("FR"), Country.of("RS")),
			LocalDate.of(2020, 2, 1), LocalDate.of(2020, 6, 30), new BigDecimal("20000"), new BigDecimal("0.7"),
			EMBASSY, Instant.parse("2020-01-10T09:00:00Z"));

	private static final Map<String, FundingCall> CALLS = Map.of(MEAE.id().value(), MEAE, CAPPED.id().value(), CAPPED);

	/** The day activities are drafted in these tests, before the calls open. */
	private static final LocalDate TODAY = LocalDate.of(2020, 1, 15);

	private static final Field SECOND_ACTIVITY = Field.named("activities").at(1);

	@Test
	void acceptsLinesWithinTheCallsRulesAndLinesNamingNoCall() {
		CallFunding.check(youth(line("12000", MEAE.id().value()), line("8000", null, FundingSource.LOCAL_BUDGET)),
				SECOND_ACTIVITY, CALLS, TODAY);
	}

	@Test
	void refusesALineNamingAnUnknownCall() {
		assertRefused(youth(line("100", null, FundingSource.LOCAL_BUDGET), line("100", "no-such-call")),
				"activities[1].funding[1]", "funding call no-such-call is not known");
	}

	@Test
	void refusesALineWhoseSourceIsNotTheCallsFunder() {
		assertRefused(
				youth(line("100", MEAE.id().value(), FundingSource.EU_CALL),
						line("900", null, FundingSource.LOCAL_BUDGET)),
				"activities[1].funding[0]", "funded by FRENCH_MFA");
	}

	@Test
	void refusesAnActivityWhoseThemeTheCallDoesNotFund() {
		Activity health = Activity.planned("Clinic", Theme.HEALTH, List.of("p"), null, null,
				List.of(line("100", MEAE.id().value()), line("900", null, FundingSource.LOCAL_BUDGET)));
		assertRefused(health, "activities[1].funding[0]", "not the activity's theme HEALTH");
	}

	@Test
	void refusesALineOverTheCallsGrant() {
		assertRefused(youth(line("20000.01", MEAE.id().value()), line("50000", null, FundingSource.LOCAL_BUDGET)),
				"activities[1].funding[0]",
				"grants at most 20000.00 EUR per activity: its lines would take 20000.01 EUR");
	}

	@Test
	void refusesTheLineWhereTheCallsLinesTogetherGoOverItsGrantToTheActivity() {
		// each line within the grant, the share 40000 of 60000 within 70 %: the activity
		// would take 40000 from a 20000 grant
		String capped = CAPPED.id().value();
		assertRefused(
				youth(line("20000", capped), line("20000", capped), line("20000", null, FundingSource.LOCAL_BUDGET)),
				"activities[1].funding[1]",
				"funding call MEAE-FR-RS-2020-CAP grants at most 20000.00 EUR per activity: its lines would take 40000.00 EUR");
		assertRefused(
				youth(line("15000", capped), line("5000", null, FundingSource.LOCAL_BUDGET), line("5000.01", capped),
						line("20000", null, FundingSource.LOCAL_BUDGET)),
				"activities[1].funding[2]", "would take 20000.01 EUR");
		CallFunding.check(
				youth(line("15000", capped), line("5000", capped), line("20000", null, FundingSource.LOCAL_BUDGET)),
				SECOND_ACTIVITY, CALLS, TODAY);
		CallFunding.check(youth(line("20000", capped), line("20000", null, FundingSource.LOCAL_BUDGET)),
				SECOND_ACTIVITY, CALLS, TODAY);
	}

	@Test
	void refusesALineNamingACallThatClosedBeforeTheActivityIsDraftedOrAdded() {
		Activity activity = youth(line("100", null, FundingSource.LOCAL_BUDGET), line("100", MEAE.id().value()));
		CallFunding.check(activity, SECOND_ACTIVITY, CALLS, LocalDate.of(2020, 6, 30));
		assertThatThrownBy(() -> CallFunding.check(activity, SECOND_ACTIVITY, CALLS, LocalDate.of(2020, 7, 1)))
			.isInstanceOfSatisfying(FundingLineRefused.class, refused -> {
				assertThat(refused.field().orElseThrow()).hasToString("activities[1].funding[1]");
				assertThat(refused.getMessage()).contains("closed on 2020-06-30, before today (2020-07-01)");
			});
		assertThatThrownBy(() -> CallFunding.check(activity, CALLS, LocalDate.of(2020, 7, 1))).isInstanceOfSatisfying(
				FundingLineRefused.class,
				refused -> assertThat(refused.field().orElseThrow()).hasToString("funding[1]"));
	}

	@Test
	void refusesTheLineWhereTheCallsLinesTogetherGoOverItsShareOfTheActivity() {
		// 60 % of 20000 is 12000: 7000 passes, 7000 + 6000 does not
		assertRefused(youth(line("7000", MEAE.id().value()), line("7000", null, FundingSource.LOCAL_BUDGET),
				line("6000", MEAE.id().value())), "activities[1].funding[2]", "at most 60 % of an activity");
	}

	@Test
	void namesTheLineInTheRequestWhenTheActivityIsTheRequest() {
		assertThatThrownBy(
				() -> CallFunding.check(youth(line("100", MEAE.id().value(), FundingSource.OTHER)), CALLS, TODAY))
			.isInstanceOfSatisfying(FundingLineRefused.class,
					refused -> assertThat(refused.field().orElseThrow()).hasToString("funding[0]"));
	}

	@Test
	void isSignedOnlyWhileEveryCallItsLinesNameIsOpenAndCarriesTheCallIdOnTheWire() {
		Plan plan = Plan.draft(Ids.newId(PlanId::new), 2020, "Akcioni plan 2020",
				List.of(new Party("AMBAFRANCE-RS", "Ambassade"), new Party("SKGO", "SKGO")), List.of(Theme.YOUTH),
				List.of(youth(line("100", null, FundingSource.LOCAL_BUDGET)),
						youth(line("6000", MEAE.id().value()), line("4000", null, FundingSource.LOCAL_BUDGET))),
				EMBASSY, Instant.parse("2020-01-15T10:00:00Z"));
		assertThat(plan.callIds()).containsExactly(MEAE.id().value());
		assertThat(plan.pullEvents()).singleElement()
			.isInstanceOfSatisfying(PlanDrafted.class,
					drafted -> assertThat(drafted.activities().get(1).funding().get(0).callId())
						.isEqualTo(MEAE.id().value()));

		Instant beforeItOpens = Instant.parse("2020-01-31T23:59:00Z");
		plan.sign("AMBAFRANCE-RS", EMBASSY, beforeItOpens, CALLS);
		assertThatThrownBy(() -> plan.sign("SKGO", SKGO, beforeItOpens, CALLS))
			.isInstanceOfSatisfying(FundingLineRefused.class, refused -> {
				assertThat(refused.field().orElseThrow()).hasToString("activities[1].funding[0]");
				assertThat(refused.getMessage()).contains("is UPCOMING on 2020-01-31");
			});
		assertThatThrownBy(() -> plan.sign("SKGO", SKGO, Instant.parse("2020-07-01T00:00:00Z"), CALLS))
			.isInstanceOf(FundingLineRefused.class)
			.hasMessageContaining("is CLOSED on 2020-07-01");
		assertThatThrownBy(() -> plan.sign("SKGO", SKGO, Instant.parse("2020-03-01T10:00:00Z"), Map.of()))
			.isInstanceOf(FundingLineRefused.class)
			.hasMessageContaining("is not known");
		assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(plan.signatures()).hasSize(1);

		plan.sign("SKGO", SKGO, Instant.parse("2020-06-30T22:00:00Z"), CALLS);

		assertThat(plan.status()).isEqualTo(PlanStatus.SIGNED);
		assertThat(plan.pullEvents()).last()
			.isInstanceOfSatisfying(PlanSigned.class,
					signed -> assertThat(signed.activities().get(1).funding().get(0).callId())
						.isEqualTo(MEAE.id().value()));
	}

	private static void assertRefused(Activity activity, String field, String rule) {
		assertThatThrownBy(() -> CallFunding.check(activity, SECOND_ACTIVITY, CALLS, TODAY))
			.isInstanceOfSatisfying(FundingLineRefused.class, refused -> {
				assertThat(refused.field().orElseThrow()).hasToString(field);
				assertThat(refused.getMessage()).contains(rule);
			});
	}

	private static Activity youth(FundingLine... lines) {
		return Activity.planned("Youth exchange", Theme.YOUTH, List.of("p"), null, null, List.of(lines));
	}

	private static FundingLine line(String eur, String callId) {
		return line(eur, callId, FundingSource.FRENCH_MFA);
	}

	private static FundingLine line(String eur, String callId, FundingSource source) {
		return new FundingLine(source, new BigDecimal(eur), callId);
	}

}
