package org.decoop.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.decoop.events.Channel;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.notification.notification.domain.DeliveryStatus;
import org.decoop.notification.notification.domain.Summary;
import org.decoop.notification.notification.domain.Summary.Argument;
import org.decoop.platform.i18n.LanguageMessageSource;
import org.decoop.platform.i18n.Languages;
import org.decoop.platform.i18n.LocalizedFormats;
import org.decoop.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A notification said to each reader in their language, from the facts stored: the
 * message of its key, dates and amounts in the language's formats (compared with what the
 * platform's formats give, not with one JDK's strings), themes, funders and countries by
 * their names in the language, names in the reader's script; and a notification stored
 * before, as it was written.
 */
class SummariesTest {

	private static final LanguageMessageSource MESSAGES = LanguageMessageSource.fromClassPath();

	private static final LocalizedFormats FORMATS = new LocalizedFormats();

	private final Summaries summaries = new Summaries(MESSAGES, FORMATS);

	private static final LocalDate OPENS = LocalDate.of(2027, 3, 1);

	private static final LocalDate CLOSES = LocalDate.of(2027, 6, 30);

	/** A funding call, as EventInterpreter stores it. */
	private static final Summary PUBLISHED = Summary.of("notification.summary.FundingCallPublished",
			Argument.text("Cross-border tourism"), Argument.text("EU-HR-RS-TOURISM"),
			Argument.funder(FundingSource.EU_CALL), Argument.date(OPENS), Argument.date(CLOSES),
			Argument.themes(Set.of(Theme.TOURISM)), Argument.countries(Set.of("HR")),
			Argument.amountEur(new BigDecimal("50000.00")), Argument.percent(new BigDecimal("0.85")));

	private static final Summary SEARCH_CLOSED = Summary.of("notification.summary.PartnerSearchClosed",
			Argument.name("Врњачка Бања"), Argument.text("RS"), Argument.text("Partner found."));

	@ParameterizedTest
	@CsvSource({ "en, EU call, tourism, Croatia", "fr, appel à projets de l’UE, tourisme, Croatie",
			"sr-Cyrl, конкурс ЕУ, туризам, Хрватска", "sr-Latn, konkurs EU, turizam, Hrvatska" })
	void saysAFundingCallInTheReadersLanguageWithItsFormats(String tag, String funder, String theme, String country) {
		Locale reader = Locale.forLanguageTag(tag);

		String said = summaries.of(stored(PUBLISHED, null), reader);

		assertThat(said).isEqualTo(MESSAGES.getMessage("notification.summary.FundingCallPublished",
				new Object[] { "Cross-border tourism", "EU-HR-RS-TOURISM", funder, FORMATS.date(OPENS, reader),
						FORMATS.date(CLOSES, reader), theme, country,
						FORMATS.amountEur(new BigDecimal("50000.00"), reader), percent(reader) },
				reader));
		assertThat(said).as("the amount with the language's separators")
			.contains(FORMATS.amountEur(new BigDecimal("50000.00"), reader));
	}

	@Test
	void writesTheSerbianLatinMessageFromTheCyrillicOne() {
		assertThat(summaries.of(stored(SEARCH_CLOSED, null), Languages.SERBIAN_CYRILLIC))
			.isEqualTo("Потрага за партнерима (Врњачка Бања, RS) је затворена: Partner found.");
		assertThat(summaries.of(stored(SEARCH_CLOSED, null), Languages.SERBIAN_LATIN))
			.isEqualTo("Potraga za partnerima (Vrnjačka Banja, RS) je zatvorena: Partner found.");
	}

	@ParameterizedTest
	@CsvSource({ "en, Vrnjačka Banja", "fr, Vrnjačka Banja", "sr-Latn, Vrnjačka Banja", "sr-Cyrl, Врњачка Бања" })
	void namesAnAuthorityInTheReadersScript(String tag, String name) {
		assertThat(summaries.of(stored(SEARCH_CLOSED, null), Locale.forLanguageTag(tag))).contains(name)
			.endsWith("Partner found.");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "en|The partnership Nevers (FR) – Sremska Mitrovica (RS) was established.",
					"fr|The partnership Nevers (FR) – Sremska Mitrovica (RS) was established.",
					"sr-Latn|The partnership Nevers (FR) – Sremska Mitrovica (RS) was established.",
					"sr-Cyrl|The partnership Nevers (FR) – Сремска Митровица (RS) was established." })
	void showsANotificationStoredBeforeAsItWasWrittenInTheReadersScript(String tag, String shown) {
		Notification old = stored(null, "The partnership Nevers (FR) – Сремска Митровица (RS) was established.");

		assertThat(summaries.of(old, Locale.forLanguageTag(tag))).isEqualTo(shown);
	}

	@ParameterizedTest
	@CsvSource({ "en, Action plan signed", "fr, Plan d’action signé", "sr-Cyrl, Потписан акциони план",
			"sr-Latn, Potpisan akcioni plan" })
	void callsAnEventTypeByItsNameInTheLanguage(String tag, String label) {
		assertThat(summaries.eventLabel("PlanSigned", Locale.forLanguageTag(tag))).isEqualTo(label);
		assertThat(summaries.eventLabel("SomethingNew", Locale.forLanguageTag(tag))).isEqualTo("SomethingNew");
	}

	@Test
	void hasEveryMessageInEveryWrittenLanguageAndNoneUnused() {
		MessageBundles.assertComplete("notification");
	}

	private static String percent(Locale reader) {
		java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(reader);
		return percent.format(0.85);
	}

	private static Notification stored(Summary message, String oldSummary) {
		return new Notification("n-1", "s-1", 1, "e-1", "FundingCallPublished", "c-1", oldSummary, message,
				Instant.parse("2027-03-01T09:00:00Z"), Instant.parse("2027-03-01T09:00:01Z"), "{}", null, false,
				Channel.INBOX, null, DeliveryStatus.STORED, 0, null, null, List.of());
	}

}
