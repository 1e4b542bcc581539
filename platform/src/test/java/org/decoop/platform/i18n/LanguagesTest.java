package org.decoop.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LanguagesTest {

	@Test
	void aRangeWithARegionOrAScriptFindsItsLanguageAndScript() {
		assertThat(Languages.negotiate("sr-Latn-RS;q=0.9, fr;q=0.8")).isEqualTo(Languages.SERBIAN_LATIN);
		assertThat(Languages.negotiate("sr-Cyrl-RS")).isEqualTo(Languages.SERBIAN_CYRILLIC);
		assertThat(Languages.negotiate("fr-CA,en;q=0.5")).isEqualTo(Languages.FRENCH);
	}

	@Test
	void serbianAloneIsCyrillic() {
		assertThat(Languages.negotiate("sr")).isEqualTo(Languages.SERBIAN_CYRILLIC);
		assertThat(Languages.negotiate("sr-RS")).isEqualTo(Languages.SERBIAN_CYRILLIC);
	}

	@Test
	void qualityValuesOrderTheRangesAndZeroExcludes() {
		assertThat(Languages.negotiate("sr-Latn;q=0.5, fr;q=0.9")).isEqualTo(Languages.FRENCH);
		assertThat(Languages.negotiate("fr;q=0, sr-Latn;q=0.1")).isEqualTo(Languages.SERBIAN_LATIN);
		assertThat(Languages.negotiate("de, fr;q=0.5")).isEqualTo(Languages.FRENCH);
	}

	@Test
	void englishWhenNothingFitsOrTheHeaderIsAbsentOrMalformed() {
		assertThat(Languages.negotiate("de-DE, it;q=0.5")).isEqualTo(Languages.ENGLISH);
		assertThat(Languages.negotiate("*")).isEqualTo(Languages.ENGLISH);
		assertThat(Languages.negotiate((String) null)).isEqualTo(Languages.ENGLISH);
		assertThat(Languages.negotiate("??;q=x")).isEqualTo(Languages.ENGLISH);
	}

	@Test
	void theResolverReadsEveryAcceptLanguageLine() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "de");
		request.addHeader("Accept-Language", "sr-Latn-RS;q=0.9");
		assertThat(new AcceptLanguageLocaleResolver().resolveLocale(request)).isEqualTo(Languages.SERBIAN_LATIN);
	}

	@Test
	void aLanguageChosenByNameIsOneSpokenHere() {
		assertThat(Languages.named("sr")).contains(Languages.SERBIAN_CYRILLIC);
		assertThat(Languages.named("sr-Latn")).contains(Languages.SERBIAN_LATIN);
		assertThat(Languages.named("fr-FR")).contains(Languages.FRENCH);
		assertThat(Languages.named("de")).isEmpty();
		assertThat(Languages.named("fr;q=1")).isEmpty();
		assertThat(Languages.SERBIAN_LATIN.toLanguageTag()).isEqualTo("sr-Latn");
		assertThat(Languages.of(Locale.forLanguageTag("sr-Latn-RS"))).isEqualTo(Languages.SERBIAN_LATIN);
	}

}
