package org.decoop.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.decoop.platform.domain.Phrase;
import org.junit.jupiter.api.Test;

class LanguageMessageSourceTest {

	private final LanguageMessageSource messages = LanguageMessageSource.fromClassPath();

	@Test
	void eachWrittenLanguageIsReadInUtf8() {
		Object[] arguments = { "Local authority", "42" };
		assertThat(messages.getMessage("platform.not-found", arguments, Languages.ENGLISH))
			.isEqualTo("Local authority 42 does not exist");
		assertThat(messages.getMessage("platform.not-found", arguments, Languages.FRENCH))
			.isEqualTo("La ressource 42 n’existe pas");
		assertThat(messages.getMessage("platform.not-found", arguments, Languages.SERBIAN_CYRILLIC))
			.isEqualTo("Ресурс 42 не постоји");
	}

	@Test
	void serbianLatinIsDerivedFromTheCyrillic() {
		assertThat(messages.getMessage("platform.not-found", new Object[] { "Plan", "7" }, Languages.SERBIAN_LATIN))
			.isEqualTo("Resurs 7 ne postoji");
		assertThat(messages.getMessage("platform.not-found", new Object[] { "Plan", "Ђ" },
				Locale.forLanguageTag("sr-Latn-RS")))
			.isEqualTo("Resurs Ђ ne postoji");
	}

	@Test
	void anotherLanguageGetsEnglish() {
		assertThat(messages.getMessage("platform.not-found", new Object[] { "Plan", "7" }, Locale.GERMAN))
			.isEqualTo("Plan 7 does not exist");
	}

	@Test
	void aPhraseSaysItsEnglishFromTheBundle() {
		assertThat(Phrase.of("platform.not-found", "Plan", "7").english()).isEqualTo("Plan 7 does not exist");
	}

	@Test
	void amountsAreInEurWithTheLanguagesSeparators() {
		LocalizedFormats formats = new LocalizedFormats();
		BigDecimal amount = new BigDecimal("1234.50");
		assertThat(formats.amountEur(amount, Languages.ENGLISH)).contains("€").contains("1,234.50");
		assertThat(formats.amountEur(amount, Languages.FRENCH)).contains("€").contains("234,50");
		assertThat(formats.amountEur(amount, Languages.SERBIAN_LATIN)).contains("1.234,50");
		assertThat(formats.number(1234.5, Languages.FRENCH)).endsWith("234,5");
		assertThat(formats.date(LocalDate.of(2026, 12, 7), Languages.FRENCH)).contains("décembre");
		assertThat(formats.date(LocalDate.of(2026, 12, 7), Languages.SERBIAN_CYRILLIC)).contains("децембар");
		assertThat(formats.date(LocalDate.of(2026, 12, 7), Languages.SERBIAN_LATIN)).contains("decembar");
	}

}
