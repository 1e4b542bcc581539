package org.decoop.plan.fundingcall.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.events.plan.FundingCallClosed;
import org.decoop.events.plan.FundingCallClosingSoon;
import org.decoop.events.plan.FundingCallPublished;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FundingCallTest {

	private static final Instant PUBLISHING = Instant.parse("2020-01-10T09:00:00Z");

	private static final Actor EMBASSY = new Actor(Actor.Kind.USER, "sub-embassy", "Ambassade de France",
			Set.of("AMBAFRANCE-RS"), true);

	private static final LocalDate OPENS = LocalDate.of(2020, 2, 1);

	private static final LocalDate CLOSES = LocalDate.of(2020, 6, 30);

	private static final Field LINE = Field.named("funding").at(0).within(Field.named("activities").at(1));

	@Test
	void onlyAStewardPublishesACallAndItsPublicationIsAnEvent() {
		Actor nevers = new Actor(Actor.Kind.USER, "sub-nevers", "Nevers", Set.of("FR-NEVERS"), false);
		assertThatThrownBy(() -> publish(nevers, "MEAE-FR-RS-2020", OPENS, CLOSES, "20000", "0.7"))
			.isInstanceOf(NotAllowed.class);

		FundingCall call = publish(EMBASSY, "MEAE-FR-RS-2020", OPENS, CLOSES, "20000", "0.70");

		assertThat(call.version()).isZero();
		assertThat(call.maxGrantEur()).isEqualTo(new BigDecimal("20000.00"));
		assertThat(call.pullEvents()).singleElement().isInstanceOfSatisfying(FundingCallPublished.class, published -> {
			assertThat(published.callId()).isEqualTo(call.id().value());
			assertThat(published.code()).isEqualTo("MEAE-FR-RS-2020");
			assertThat(published.eligibleCountries()).containsExactly("FR", "RS");
			assertThat(published.maxCoFinancingRate()).isEqualByComparingTo("0.7");
			assertThat(published.version()).isZero();
		});
		assertThat(call.publishedBy()).isEqualTo("Ambassade de France");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					code in lower case           | meae-2020 | 2020-02-01 | 2020-06-30 | 20000     | 0.7    | code
					code of one character        | M         | 2020-02-01 | 2020-06-30 | 20000     | 0.7    | code
					closes before it opens       | MEAE      | 2020-07-01 | 2020-06-30 | 20000     | 0.7    | closesOn
					closes before today          | MEAE      | 2019-02-01 | 2020-01-09 | 20000     | 0.7    | closesOn
					opens in another century     | MEAE      | 1800-01-01 | 2020-06-30 | 20000     | 0.7    | opensOn
					negative grant               | MEAE      | 2020-02-01 | 2020-06-30 | -1        | 0.7    | maxGrantEur
					grant with three decimals    | MEAE      | 2020-02-01 | 2020-06-30 | 10.005    | 0.7    | maxGrantEur
					rate of zero                 | MEAE      | 2020-02-01 | 2020-06-30 | 20000     | 0      | maxCoFinancingRate
					rate over one                | MEAE      | 2020-02-01 | 2020-06-30 | 20000     | 1.01   | maxCoFinancingRate
					rate with five decimals      | MEAE      | 2020-02-01 | 2020-06-30 | 20000     | 0.12345 | maxCoFinancingRate
					""")
	void refusesACallThatBreaksARuleNamingTheField(String rule, String code, LocalDate opensOn, LocalDate closesOn,
			String grant, String rate, String field) {
		assertThatThrownBy(() -> publish(EMBASSY, code, opensOn, closesOn, grant, rate)).isInstanceOfSatisfying(
				InvalidValue.class, invalid -> assertThat(invalid.field().orElseThrow()).hasToString(field));
	}

	@Test
	void acceptsACallClosingTodayAndARateOfOne() {
		FundingCall call = publish(EMBASSY, "LAST-DAY", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 10), "0", "1");
		assertThat(call.statusOn(LocalDate.of(2020, 1, 10))).isEqualTo(FundingCallStatus.OPEN);
	}

	@Test
	void isUpcomingBeforeItOpensOpenUpToItsLastDayIncludedAndClosedAfter() {
		FundingCall call = publish(EMBASSY, "MEAE-FR-RS-2020", OPENS, CLOSES, "20000", "0.7");

		assertThat(call.statusOn(OPENS.minusDays(1))).isEqualTo(FundingCallStatus.UPCOMING);
		assertThat(call.statusOn(OPENS)).isEqualTo(FundingCallStatus.OPEN);
		assertThat(call.statusOn(CLOSES)).isEqualTo(FundingCallStatus.OPEN);
		assertThat(call.statusOn(CLOSES.plusDays(1))).isEqualTo(FundingCallStatus.CLOSED);
	}

	@Test
	void announcesClosingSoonOnceThenClosedOnceTheDayAfterItsDeadline() {
		FundingCall call = publish(EMBASSY, "MEAE-FR-RS-2020", OPENS, CLOSES, "20000", "0.7");
		call.pullEvents();

		assertThat(call.announceDeadline(14, at(CLOSES.minusDays(15)))).as("too early").isFalse();
		assertThat(call.announceDeadline(14, at(CLOSES.minusDays(14)))).isTrue();
		assertThat(call.announceDeadline(14, at(CLOSES.minusDays(3)))).as("once").isFalse();
		assertThat(call.announceDeadline(14, at(CLOSES))).as("its last day is not after it").isFalse();
		assertThat(call.pullEvents()).singleElement().isInstanceOfSatisfying(FundingCallClosingSoon.class, soon -> {
			assertThat(soon.daysLeft()).isEqualTo(14);
			assertThat(soon.version()).isEqualTo(1);
		});

		assertThat(call.announceDeadline(14, at(CLOSES.plusDays(1)))).isTrue();
		assertThat(call.announceDeadline(14, at(CLOSES.plusDays(30)))).as("once").isFalse();
		assertThat(call.pullEvents()).singleElement()
			.isInstanceOfSatisfying(FundingCallClosed.class, closed -> assertThat(closed.version()).isEqualTo(2));
		assertThat(call.closingSoonAnnounced()).isTrue();
		assertThat(call.closedAnnounced()).isTrue();
	}

	@Test
	void announcesOnlyClosedForACallFoundPastItsDeadline() {
		FundingCall call = publish(EMBASSY, "MEAE-FR-RS-2020", OPENS, CLOSES, "20000", "0.7");
		call.pullEvents();

		assertThat(call.announceDeadline(14, at(CLOSES.plusDays(2)))).isTrue();

		assertThat(call.pullEvents()).singleElement().isInstanceOf(FundingCallClosed.class);
		assertThat(call.announceDeadline(14, at(CLOSES.plusDays(3)))).isFalse();
		assertThat(call.pullEvents()).isEmpty();
	}

	@Test
	void aStoredCallRemembersWhatItAnnounced() {
		FundingCall stored = FundingCall.restore(Ids.newId(FundingCallId::new), 1, "MEAE", "Call",
				FundingSource.FRENCH_MFA, Set.of(Theme.YOUTH), Set.of("RS"), OPENS, CLOSES, new BigDecimal("100.00"),
				new BigDecimal("0.5"), PUBLISHING, "Embassy", true, false);

		assertThat(stored.announceDeadline(14, at(CLOSES.minusDays(1)))).isFalse();
		assertThat(stored.announceDeadline(14, at(CLOSES.plusDays(1)))).isTrue();
		assertThat(stored.version()).isEqualTo(2);
	}

	@Test
	void fundsOnlyLinesOfItsFunderForItsThemesUpToItsGrantAndShare() {
		FundingCall call = publish(EMBASSY, "MEAE-FR-RS-2020", OPENS, CLOSES, "20000", "0.7");

		call.requireFunds(LINE, FundingSource.FRENCH_MFA, Theme.YOUTH);
		assertThatThrownBy(() -> call.requireFunds(LINE, FundingSource.EU_CALL, Theme.YOUTH))
			.isInstanceOfSatisfying(FundingLineRefused.class, refused -> {
				assertThat(refused.field().orElseThrow()).hasToString("activities[1].funding[0]");
				assertThat(refused.getMessage()).contains("funded by FRENCH_MFA");
			});
		assertThatThrownBy(() -> call.requireFunds(LINE, FundingSource.FRENCH_MFA, Theme.HEALTH))
			.isInstanceOf(FundingLineRefused.class)
			.hasMessageContaining("not the activity's theme HEALTH");

		call.requireGrantWithin(LINE, new BigDecimal("20000.00"));
		assertThatThrownBy(() -> call.requireGrantWithin(LINE, new BigDecimal("20000.01")))
			.isInstanceOfSatisfying(FundingLineRefused.class, refused -> {
				assertThat(refused.field().orElseThrow()).hasToString("activities[1].funding[0]");
				assertThat(refused.getMessage()).isEqualTo(
						"funding call MEAE-FR-RS-2020 grants at most 20000.00 EUR per activity: its lines would take 20000.01 EUR");
			});

		call.requireShareWithin(LINE, new BigDecimal("7000"), new BigDecimal("10000"));
		assertThatThrownBy(() -> call.requireShareWithin(LINE, new BigDecimal("7000.01"), new BigDecimal("10000")))
			.isInstanceOf(FundingLineRefused.class)
			.hasMessageContaining("at most 70 %");
	}

	@Test
	void takesMoneyOnlyWhileOpen() {
		FundingCall call = publish(EMBASSY, "MEAE-FR-RS-2020", OPENS, CLOSES, "20000", "0.7");

		call.requireOpenOn(LINE, OPENS);
		call.requireOpenOn(LINE, CLOSES);
		assertThatThrownBy(() -> call.requireOpenOn(LINE, OPENS.minusDays(1))).isInstanceOf(FundingLineRefused.class)
			.hasMessageContaining("is UPCOMING on 2020-01-31");
		assertThatThrownBy(() -> call.requireOpenOn(LINE, CLOSES.plusDays(1))).isInstanceOf(FundingLineRefused.class)
			.hasMessageContaining("is CLOSED on 2020-07-01");
	}

	@Test
	void isNamedByANewLineUntilItHasClosed() {
		FundingCall call = publish(EMBASSY, "MEAE-FR-RS-2020", OPENS, CLOSES, "20000", "0.7");

		call.requireNotClosedOn(LINE, OPENS.minusDays(1));
		call.requireNotClosedOn(LINE, CLOSES);
		assertThatThrownBy(() -> call.requireNotClosedOn(LINE, CLOSES.plusDays(1)))
			.isInstanceOfSatisfying(FundingLineRefused.class, refused -> {
				assertThat(refused.field().orElseThrow()).hasToString("activities[1].funding[0]");
				assertThat(refused.getMessage()).isEqualTo(
						"funding call MEAE-FR-RS-2020 closed on 2020-06-30, before today (2020-07-01): a plan naming it could never be signed");
			});
	}

	private static FundingCall publish(Actor by, String code, LocalDate opensOn, LocalDate closesOn, String grant,
			String rate) {
		return FundingCall.publish(Ids.newId(FundingCallId::new), code, "Appel à projets franco-serbe",
				FundingSource.FRENCH_MFA, List.of(Theme.YOUTH, Theme.ENVIRONMENT),
				List.of(Country.of("RS"), Country.of("FR")), opensOn, closesOn, new BigDecimal(grant),
				new BigDecimal(rate), by, PUBLISHING);
	}

	private static Instant at(LocalDate day) {
		return day.atTime(3, 0).toInstant(java.time.ZoneOffset.UTC);
	}

}
