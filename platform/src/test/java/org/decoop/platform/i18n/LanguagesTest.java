package org.decoop.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class LanguagesTest {

	// Ranges with a region or a script find their language and script; Serbian alone is
	// Cyrillic; quality
	// values order the ranges and zero excludes; English when nothing fits or the header
	// is absent or malformed.
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			sr-Latn-RS;q=0.9, fr;q=0.8 | sr-Latn
			sr-Cyrl-RS                 | sr-Cyrl
			fr-CA,en;q=0.5             | fr
			sr                         | sr-Cyrl
			sr-RS                      | sr-Cyrl
			sr-Latn;q=0.5, fr;q=0.9    | fr
			fr;q=0, sr-Latn;q=0.1      | sr-Latn
			de, fr;q=0.5               | fr
			de-DE, it;q=0.5            | en
			*                          | en
			                           | en
			??;q=x                     | en
			""")
	void anAcceptLanguageHeaderNegotiatesALanguageSpokenHere(@Nullable String header, String expected) {
		assertThat(Languages.negotiate(header)).isEqualTo(Locale.forLanguageTag(expected));
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
