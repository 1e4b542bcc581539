package org.decoop.partnership.localauthority;

import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.platform.i18n.Languages;
import org.decoop.platform.testing.MockCallers;
import org.decoop.platform.web.ProblemDetailsAdvice;
import org.decoop.platform.web.StrictJson;
import org.decoop.platform.web.StrictRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Bad local-authority requests are answered as problem details naming the field, and
 * write nothing.
 */
@WebMvcTest(LocalAuthorityController.class)
@Import({ ProblemDetailsAdvice.class, StrictJson.class, StrictRequests.class })
class LocalAuthorityApiWebTest {

	@Autowired
	MockMvc mvc;

	private static final RequestPostProcessor SKGO = MockCallers.steward("skgo", "SKGO");

	private static final String KRAGUJEVAC = """
			{"code": "RS-KRAGUJEVAC", "name": "Kragujevac", "country": "RS", "kind": "CITY"}""";

	@MockitoBean
	LocalAuthorities localAuthorities;

	@Autowired
	MessageSource messages;

	@Test
	void onlyAStewardRegistersALocalAuthority() throws Exception {
		given(localAuthorities.add(any())).willAnswer(invocation -> invocation.getArgument(0));

		mvc.perform(post("/api/local-authorities").contentType(MediaType.APPLICATION_JSON).content(KRAGUJEVAC))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		postJson(KRAGUJEVAC, MockCallers.user("kragujevac", "RS-KRAGUJEVAC")).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://decoop.org/problems/forbidden"));
		verifyNoInteractions(localAuthorities);

		postJson(KRAGUJEVAC, SKGO).andExpect(status().isCreated()).andExpect(jsonPath("$.code").value("RS-KRAGUJEVAC"));
	}

	@Test
	void registersWhereItIsAndAnswersIt() throws Exception {
		given(localAuthorities.add(any())).willAnswer(invocation -> invocation.getArgument(0));

		postJson("""
				{"code": "RS-SREMSKA-MITROVICA", "name": "Sremska Mitrovica", "country": "RS", "kind": "CITY",
				 "latitude": 44.9764, "longitude": 19.6122}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.latitude").value(44.9764))
			.andExpect(jsonPath("$.longitude").value(19.6122));
		postJson(KRAGUJEVAC).andExpect(status().isCreated())
			.andExpect(jsonPath("$.latitude").value(nullValue()))
			.andExpect(jsonPath("$.longitude").value(nullValue()));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			latitude alone        | "latitude": 46.9896                        | longitude
			longitude alone       | "longitude": 3.159                         | latitude
			latitude over 90      | "latitude": 90.5, "longitude": 3.159       | latitude
			latitude under -90    | "latitude": -91, "longitude": 3.159        | latitude
			longitude over 180    | "latitude": 46.9896, "longitude": 180.01   | longitude
			longitude under -180  | "latitude": 46.9896, "longitude": -200     | longitude
			latitude as text      | "latitude": "46.9896", "longitude": 3.159  | latitude
			""")
	void refusesHalfAPlaceOrOneOffTheGlobe(String name, String place, String field) throws Exception {
		postJson("""
				{"code": "FR-NEVERS", "name": "Nevers", "country": "FR", "kind": "CITY", %s}""".formatted(place))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field));
		verifyNoInteractions(localAuthorities);
	}

	@Test
	void readingIsOpenData() throws Exception {
		given(localAuthorities.search(any(), any(), any(), anyInt(), anyInt())).willReturn(Page.empty());
		mvc.perform(get("/api/local-authorities").param("code", "FR-NEVERS")).andExpect(status().isOk());
	}

	@ParameterizedTest(name = "{0} reads {1}")
	@CsvSource(delimiter = '|', textBlock = """
			sr-Cyrl                  | Сремска Митровица
			sr                       | Сремска Митровица
			sr-Latn                  | Sremska Mitrovica
			'sr-Latn-RS;q=0.9, fr;q=0.8' | Sremska Mitrovica
			fr                       | Sremska Mitrovica
			en                       | Sremska Mitrovica
			""")
	void aSerbianNameIsShownInTheReadersScript(String acceptLanguage, String name) throws Exception {
		LocalAuthority mitrovica = new LocalAuthority(new LocalAuthorityId("la-1"), "RS-SREMSKA-MITROVICA",
				"Сремска Митровица", Country.of("RS"), LocalAuthorityKind.CITY, null);
		given(localAuthorities.byId(new LocalAuthorityId("la-1"))).willReturn(Optional.of(mitrovica));
		given(localAuthorities.search(any(), any(), any(), anyInt(), anyInt()))
			.willReturn(new PageImpl<>(List.of(mitrovica)));

		mvc.perform(get("/api/local-authorities/la-1").header("Accept-Language", acceptLanguage))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(name));
		mvc.perform(get("/api/local-authorities").header("Accept-Language", acceptLanguage))
			.andExpect(jsonPath("$.content[0].name").value(name));
	}

	@Test
	void aFrenchNameStaysAsWrittenForEveryReader() throws Exception {
		given(localAuthorities.byId(new LocalAuthorityId("la-2")))
			.willReturn(Optional.of(new LocalAuthority(new LocalAuthorityId("la-2"), "FR-NEVERS", "Nevers",
					Country.of("FR"), LocalAuthorityKind.CITY, null)));
		mvc.perform(get("/api/local-authorities/la-2").header("Accept-Language", "sr-Cyrl"))
			.andExpect(jsonPath("$.name").value("Nevers"));
	}

	@Test
	void aRefusalOfTheDomainSpeaksTheReadersLanguage() throws Exception {
		mvc.perform(post("/api/local-authorities").with(MockCallers.user("kragujevac", "RS-KRAGUJEVAC"))
			.header("Accept-Language", "sr-Cyrl")
			.contentType(MediaType.APPLICATION_JSON)
			.content(KRAGUJEVAC))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Language", "sr-Cyrl"))
			.andExpect(jsonPath("$.title").value("Забрањено"))
			.andExpect(jsonPath("$.detail").value(
					messages.getMessage("partnership.local-authority.steward-only", null, Languages.SERBIAN_CYRILLIC)))
			.andExpect(jsonPath("$.detail").value("Само управљач може да региструје локалну самоуправу"));
		mvc.perform(post("/api/local-authorities").with(MockCallers.user("kragujevac", "RS-KRAGUJEVAC"))
			.header("Accept-Language", "fr")
			.contentType(MediaType.APPLICATION_JSON)
			.content(KRAGUJEVAC))
			.andExpect(jsonPath("$.detail").value("Seul un gestionnaire peut enregistrer une collectivité locale"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "NEVERS", "fr-nevers", "FR-N", "FR_NEVERS", "RS-NEVERS" })
	void refusesACodeThatIsNotTheCountryAndAName(String code) throws Exception {
		postJson("""
				{"code": "%s", "name": "Nevers", "country": "FR", "kind": "CITY"}""".formatted(code))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("code"));
		verifyNoInteractions(localAuthorities);
	}

	// an unknown country code (ISO 3166 alpha-2, upper case), an unknown kind, a missing
	// name
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"code": "FR-NEVERS", "name": "Nevers", "country": "FRA", "kind": "CITY"}    | country
			{"code": "FR-NEVERS", "name": "Nevers", "country": "fr", "kind": "CITY"}     | country
			{"code": "FR-NEVERS", "name": "Nevers", "country": "FR", "kind": "VILLAGE"}  | kind
			{"code": "FR-NEVERS", "country": "FR", "kind": "CITY"}                       | name
			""")
	void refusesABadFieldNamingIt(String body, String field) throws Exception {
		postJson(body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(field));
		verifyNoInteractions(localAuthorities);
	}

	@Test
	void refusesABadCountryFilter() throws Exception {
		mvc.perform(get("/api/local-authorities").param("country", "Serbia"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("country"));
		verifyNoInteractions(localAuthorities);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "*/*", "application/json; charset=utf-16", "application/json;;;",
			"application/merge-patch+json", "text/plain", "application/json; charset=utf-8; q=1" })
	void refusesABodyThatIsNotJsonInUtf8(String contentType) throws Exception {
		mvc.perform(post("/api/local-authorities").with(SKGO)
			.header("Content-Type", contentType)
			.content("{\"code\": \"FR-NEVERS\", \"name\": \"Nevers\", \"country\": \"FR\", \"kind\": \"CITY\"}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://decoop.org/problems/unsupported-media-type"));
		verifyNoInteractions(localAuthorities);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					kind with spaces      | {"code": "FR-NEVERS", "name": "Nevers", "country": "FR", "kind": " CITY "}     | kind
					kind with a NUL       | {"code": "FR-NEVERS", "name": "Nevers", "country": "FR", "kind": "CITY\\u0000"} | kind
					kind as an ordinal    | {"code": "FR-NEVERS", "name": "Nevers", "country": "FR", "kind": 1}            | kind
					name as a number      | {"code": "FR-NEVERS", "name": 5, "country": "FR", "kind": "CITY"}              | name
					name as a boolean     | {"code": "FR-NEVERS", "name": true, "country": "FR", "kind": "CITY"}           | name
					""")
	void takesValuesOnlyAsWritten(String name, String body, String field) throws Exception {
		postJson(body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(field));
		verifyNoInteractions(localAuthorities);
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			page    | 0x10
			page    | +1
			page    | ' 5'
			size    | 1e2
			q       | a\\0b
			q       | line\\nbreak
			""")
	void refusesQueryValuesThatAreNotWhatTheyLookLike(String parameter, String value) throws Exception {
		mvc.perform(get("/api/local-authorities").param(parameter, value.translateEscapes()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value(parameter));
		verifyNoInteractions(localAuthorities);
	}

	private ResultActions postJson(String body) throws Exception {
		return postJson(body, SKGO);
	}

	private ResultActions postJson(String body, RequestPostProcessor caller) throws Exception {
		return mvc
			.perform(post("/api/local-authorities").with(caller).contentType(MediaType.APPLICATION_JSON).content(body));
	}

}
