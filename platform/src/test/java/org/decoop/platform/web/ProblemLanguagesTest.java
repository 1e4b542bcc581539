package org.decoop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.i18n.AcceptLanguageLocaleResolver;
import org.decoop.platform.i18n.LanguageMessageSource;
import org.decoop.platform.i18n.Languages;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * A problem detail speaks the request's language: {@code title}, {@code detail} and each
 * error's {@code message}, with {@code Content-Language}; {@code type} and {@code field}
 * stay the same in every language.
 */
class ProblemLanguagesTest {

	private final LanguageMessageSource messages = LanguageMessageSource.fromClassPath();

	private final MockMvcTester api = api();

	@RestController
	static class Things {

		@GetMapping("/things/{id}")
		String thing(@PathVariable String id) {
			throw new DoesNotExist("Thing", id);
		}

		@GetMapping("/things/busy")
		String busy() {
			throw new LimitReached(Phrase.of("platform.exports-busy"));
		}

		@PostMapping("/things")
		String create(@Valid @RequestBody Thing thing) {
			throw new InvalidValue("body.count", Phrase.of("platform.query.one-of", "A, B"));
		}

	}

	record Thing(@NotBlank String name, int count) {
	}

	@Test
	void aDomainRefusalInEachLanguage() {
		for (Locale language : Languages.SUPPORTED) {
			MvcTestResult answer = askIn(language, "/things/Ш-7");
			assertThat(answer).hasStatus(404)
				.bodyJson()
				.extractingPath("$.detail")
				.isEqualTo(messages.getMessage("platform.not-found", new Object[] { "Thing", "Ш-7" }, language));
			assertThat(answer).bodyJson()
				.extractingPath("$.title")
				.isEqualTo(messages.getMessage("platform.title.404", null, language));
			assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("https://decoop.org/problems/not-found");
		}
	}

	@Test
	void aLimitSaidWithAKeyInEachLanguage() {
		for (Locale language : Languages.SUPPORTED) {
			MvcTestResult answer = askIn(language, "/things/busy");
			assertThat(answer).hasStatus(429)
				.hasHeader("Retry-After", "5")
				.bodyJson()
				.extractingPath("$.detail")
				.isEqualTo(messages.getMessage("platform.exports-busy", null, language));
		}
		assertThat(api.get().uri("/things/busy").header("Accept-Language", "fr")).bodyJson()
			.extractingPath("$.detail")
			.isNotEqualTo(messages.getMessage("platform.exports-busy", null, Locale.ENGLISH));
	}

	@Test
	void theWrittenLanguagesAreTheOnesWrittenAndSerbianLatinIsTheCyrillicTransliterated() {
		Map<String, String> titles = Map.of("en", "Not Found", "fr", "Introuvable", "sr-Cyrl", "Није пронађено",
				"sr-Latn", "Nije pronađeno");
		titles.forEach((tag, title) -> assertThat(api.get().uri("/things/7").header("Accept-Language", tag)).bodyJson()
			.extractingPath("$.title")
			.isEqualTo(title));
		assertThat(api.get().uri("/things/7").header("Accept-Language", "sr-Latn")).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Resurs 7 ne postoji");
	}

	@Test
	void qualityValuesChooseTheLanguage() {
		assertThat(api.get().uri("/things/7").header("Accept-Language", "de, sr-Latn-RS;q=0.9, fr;q=0.8"))
			.hasHeader("Content-Language", "sr-Latn");
		assertThat(api.get().uri("/things/7").header("Accept-Language", "sr-Latn;q=0.2, fr-CA;q=0.7"))
			.hasHeader("Content-Language", "fr");
		assertThat(api.get().uri("/things/7").header("Accept-Language", "sr")).hasHeader("Content-Language", "sr-Cyrl");
		assertThat(api.get().uri("/things/7").header("Accept-Language", "de")).hasHeader("Content-Language", "en");
		assertThat(api.get().uri("/things/7")).hasHeader("Content-Language", "en");
	}

	@Test
	void validationErrorsKeepTheirFieldAndSpeakTheLanguage() {
		MvcTestResult answer = api.post()
			.uri("/things")
			.header("Accept-Language", "fr")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \" \", \"count\": 1}")
			.exchange();
		assertThat(answer).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
		assertThat(answer).bodyJson().extractingPath("$.errors[0].message").isEqualTo("ne doit pas être vide");
		assertThat(answer).bodyJson().extractingPath("$.detail").isEqualTo("name: ne doit pas être vide");
		assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("https://decoop.org/problems/validation");
	}

	@Test
	void aMistypedBodySaysWhatItExpectedInTheLanguage() {
		MvcTestResult answer = api.post()
			.uri("/things")
			.header("Accept-Language", "sr-Cyrl")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"x\", \"count\": \"many\"}")
			.exchange();
		String expected = messages.getMessage("platform.expected",
				new Object[] { messages.getMessage("platform.type.whole-number", null, Languages.SERBIAN_CYRILLIC) },
				Languages.SERBIAN_CYRILLIC);
		assertThat(answer).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("count");
		assertThat(answer).bodyJson().extractingPath("$.errors[0].message").isEqualTo(expected);
		assertThat(expected).isEqualTo("очекује се цео број");
	}

	@Test
	void aPhraseWithArgumentsIsSaidWithThem() {
		assertThat(api.post()
			.uri("/things")
			.header("Accept-Language", "sr-Latn")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"x\", \"count\": 1}")).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("očekuje se jedna od vrednosti A, B");
	}

	/** The answer to a GET in the language, which it says it is in. */
	private MvcTestResult askIn(Locale language, String uri) {
		MvcTestResult answer = api.get().uri(uri).header("Accept-Language", language.toLanguageTag()).exchange();
		assertThat(answer).hasHeader("Content-Language", language.toLanguageTag());
		return answer;
	}

	private MockMvcTester api() {
		ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
		advice.setMessageSource(messages);
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
			.setControllerAdvice(advice)
			.setLocaleResolver(new AcceptLanguageLocaleResolver())
			.setValidator(validator)
			.build();
		return MockMvcTester.create(mvc);
	}

}
