package org.decoop.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.plan.plan.domain.Activity;
import org.decoop.plan.plan.domain.Party;
import org.decoop.plan.plan.domain.Plan;
import org.decoop.plan.plan.domain.PlanId;
import org.decoop.plan.plan.domain.Signature;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.decoop.platform.domain.StaleVersion;
import org.decoop.platform.domain.StateConflict;
import org.decoop.platform.domain.UnknownReference;
import org.decoop.platform.testing.MockCallers;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.web.ProblemDetailsAdvice;
import org.decoop.platform.web.StrictJson;
import org.decoop.platform.web.StrictRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every way a client can get a plan request wrong: problem details naming the field,
 * nothing written.
 */
@WebMvcTest(PlanController.class)
@Import({ ProblemDetailsAdvice.class, StrictJson.class, StrictRequests.class })
class PlanApiWebTest {

	private static final RequestPostProcessor NEVERS = MockCallers.user("nevers", "FR-NEVERS");

	private static final String PARTIES = """
			[{"code": "AMBAFRANCE-RS", "name": "Ambassade de France en Serbie"}, {"code": "SKGO", "name": "SKGO"}]""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PlanService service;

	@Test
	void answersMalformedJsonWithAProblem() throws Exception {
		postJson("/api/plans", "{\"year\": 2020,").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://decoop.org/problems/malformed-json"));
		verifyNoInteractions(service);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			missing year           | {"title": "Plan", "parties": %s}                                       | year
			year out of range      | {"year": 1789, "title": "Plan", "parties": %s}                         | year
			blank title            | {"year": 2020, "title": " ", "parties": %s}                            | title
			unknown theme          | {"year": 2020, "title": "Plan", "parties": %s, "themes": ["CHESS"]}    | themes[0]
			""")
	void namesTheOffendingPlanField(String name, String body, String field) throws Exception {
		postJson("/api/plans", body.formatted(PARTIES)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value(field));
		verifyNoInteractions(service);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					parties as text        | {"year": 2020, "title": "Plan", "parties": "SKGO"}                         | parties          | expected an array
					year as text           | {"year": "twenty", "title": "Plan", "parties": %s}                         | year             | expected a whole number
					year as a numeric text | {"year": "2020", "title": "Plan", "parties": %s}                           | year             | expected a whole number
					year with a fraction   | {"year": 2020.9, "title": "Plan", "parties": %s}                           | year             | expected a whole number
					year out of int range  | {"year": 99999999999, "title": "Plan", "parties": %s}                      | year             | expected a whole number
					party as text          | {"year": 2020, "title": "Plan", "parties": ["SKGO", "X"]}                  | parties[0]       | expected an object
					title as object        | {"year": 2020, "title": {"a": 1}, "parties": %s}                           | title            | expected a text
					theme as object        | {"year": 2020, "title": "Plan", "parties": %s, "themes": [{}]}             | themes[0]        | expected one of
					date as text           | {"year": 2020, "title": "Plan", "parties": %s, "activities": [{"title": "t", "theme": "YOUTH", "startsOn": "soon"}]} | activities[0].startsOn | expected a date
					""")
	void saysWhatAFieldExpectedInTheApisWordsNeverInJavas(String name, String body, String field, String expected)
			throws Exception {
		postJson("/api/plans", body.formatted(PARTIES)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(expected)))
			.andExpect(content().string(org.hamcrest.Matchers
				.not(org.hamcrest.Matchers.matchesPattern("(?s).*(java\\.|org\\.decoop|\\$|Cannot deserialize).*"))));
		verifyNoInteractions(service);
	}

	@Test
	void refusesASinglePartyAndABadPartyCode() throws Exception {
		postJson("/api/plans",
				"{\"year\": 2020, \"title\": \"Plan\", \"parties\": [{\"code\": \"SKGO\", \"name\": \"SKGO\"}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("parties"));
		postJson("/api/plans",
				"""
						{"year": 2020, "title": "Plan", "parties": [{"code": "skgo lower", "name": "SKGO"}, {"code": "A1", "name": "A"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("parties[0].code"));
		verifyNoInteractions(service);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					negative amount        | {"source": "EU_CALL", "amountEur": -5}        |                                    | activities[0].funding[0].amountEur
					three decimals         | {"source": "EU_CALL", "amountEur": 1.005}     |                                    | activities[0].funding[0].amountEur
					unknown source         | {"source": "LOTTERY", "amountEur": 5}         |                                    | activities[0].funding[0].source
					ends before it starts  | {"source": "EU_CALL", "amountEur": 5}         | "startsOn": "2020-05-01", "endsOn": "2020-04-01", | activities[0].endsOn
					""")
	void namesTheOffendingActivityField(String name, String funding, String dates, String field) throws Exception {
		postJson("/api/plans",
				"""
						{"year": 2020, "title": "Plan", "parties": %s,
						 "activities": [{"title": "Exchange", "theme": "YOUTH", "partnershipIds": ["p1"], %s "funding": [%s]}]}"""
					.formatted(PARTIES, dates == null ? "" : dates, funding))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value(field));
		verifyNoInteractions(service);
	}

	@Test
	void refusesASignatureWithoutPartyAndAnyChangeWithoutToken() throws Exception {
		postJson("/api/plans/p1/signatures", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("party"));
		mvc.perform(post("/api/plans/p1/signatures").contentType(MediaType.APPLICATION_JSON)
			.content("{\"party\": \"SKGO\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verifyNoInteractions(service);
	}

	@Test
	void signsAsTheCallerTheTokenNamesWhateverTheBodySays() throws Exception {
		given(service.sign(any(), any(), any(), any()))
			.willThrow(new NotAllowed("Only a caller acting for SKGO may sign for it"));
		postJson("/api/plans/p1/signatures", "{\"party\": \"SKGO\", \"signedBy\": \"Someone else\"}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://decoop.org/problems/forbidden"));
		then(service).should()
			.sign(eq(new PlanId("p1")), eq("SKGO"), any(), argThat(
					actor -> actor.id().equals(TestTokens.subjectOf("nevers")) && actor.name().equals("nevers")));
	}

	@ParameterizedTest(name = "{0}?{1}={2}")
	@CsvSource({ "/api/plans, status, APPROVED", "/api/plans, year, twenty", "/api/plans/stats, year, 3000" })
	void refusesBadFilters(String path, String parameter, String value) throws Exception {
		mvc.perform(get(path).param(parameter, value))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value(parameter));
		verifyNoInteractions(service);
	}

	/**
	 * A domain refusal's detail is in the reader's language (the field stays the same):
	 * the plan's year, refused by the domain itself.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en      | en      | year must be between 1990 and 2100
			fr      | fr      | l’année doit être comprise entre 1990 et 2100
			sr      | sr-Cyrl | година мора бити између 1990 и 2100
			sr-Latn | sr-Latn | godina mora biti između 1990 i 2100
			""")
	void saysADomainRefusalInTheReadersLanguage(String accept, String language, String detail) throws Exception {
		InvalidValue refusal = (InvalidValue) catchThrowable(() -> Plan.draft(new PlanId("p1"), 1900, "Jumelage",
				List.of(), List.of(), List.of(), Actor.system("test"), Instant.now()));
		given(service.cancel(any(), any(), any(), any())).willThrow(refusal);

		mvc.perform(post("/api/plans/p1/cancellation").with(NEVERS)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.header("Accept-Language", accept))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Language", language))
			.andExpect(jsonPath("$.field").value("year"))
			.andExpect(jsonPath("$.detail").value(detail))
			.andExpect(jsonPath("$.errors[0].message").value(detail));
	}

	@Test
	void mapsDomainRefusalsToTheirStatus() throws Exception {
		given(service.get(any())).willThrow(new DoesNotExist("Plan", "nope"));
		mvc.perform(get("/api/plans/nope")).andExpect(status().isNotFound());

		given(service.sign(any(), any(), any(), any()))
			.willThrow(new UnknownReference(Field.named("party"), "not a party"));
		postJson("/api/plans/p1/signatures", "{\"party\": \"X1\", \"signedBy\": \"X\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("party"));

		given(service.cancel(any(), any(), any(), any())).willThrow(new StateConflict("status", "Plan p1 is SIGNED"));
		postJson("/api/plans/p1/cancellation", "{}").andExpect(status().isConflict());

		given(service.completeActivity(any(), any(), any(), any())).willThrow(new StaleVersion("stale"));
		mvc.perform(post("/api/plans/p1/activities/a1/completion").with(NEVERS).header("If-Match", "\"3\""))
			.andExpect(status().isPreconditionFailed());
	}

	@Test
	void refusesANinthExportWhileEightSlowReadersHoldTheExportThreadsAndFinishesTheirs() throws Exception {
		CountDownLatch readersCatchUp = new CountDownLatch(1);
		given(service.all(any(), any(), any(), any())).willAnswer(invocation -> {
			// a slow reader: the export's thread waits on it
			readersCatchUp.await(5, TimeUnit.MINUTES);
			return Stream.of(signedPlan());
		});
		List<MvcResult> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				slow.add(mvc.perform(get("/api/plans").accept("text/csv"))
					.andExpect(request().asyncStarted())
					.andReturn());
			}

			mvc.perform(get("/api/plans").accept("text/csv"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().exists("Retry-After"))
				.andExpect(jsonPath("$.type").value("https://decoop.org/problems/exports-busy"));
		}
		finally {
			readersCatchUp.countDown();
		}
		for (MvcResult export : slow) {
			export.getAsyncResult();
			assertThat(export.getResponse().getContentAsString()).startsWith("plan_id,").contains("Youth councils");
		}
		// a thread is free again: the next export is taken, and read to its end here
		// (left
		// running, it would call the mock during the next test)
		MvcResult next = mvc.perform(get("/api/plans").accept("text/csv"))
			.andExpect(request().asyncStarted())
			.andReturn();
		next.getAsyncResult();
		assertThat(next.getResponse().getContentAsString()).startsWith("plan_id,");
	}

	@Test
	void showsWhoSignedByTheirTokensSubjectOnlyToSignedInReaders() throws Exception {
		Plan signed = signedPlan();
		given(service.get(new PlanId("p1"))).willReturn(signed);
		given(service.search(any(), any(), any(), any(), anyInt(), anyInt()))
			.willReturn(new PageImpl<>(List.of(signed)));

		mvc.perform(get("/api/plans/p1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parties[0].signedBy").value("Ambassador"))
			.andExpect(jsonPath("$.parties[*].signerId").value(everyItem(nullValue())))
			.andExpect(header().string("Vary", containsString("Authorization")));
		mvc.perform(get("/api/plans"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].parties[*].signerId").value(everyItem(nullValue())));
		mvc.perform(get("/api/plans/p1").with(NEVERS))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parties[*].signerId").value(contains("sub-embassy", "sub-skgo")));
	}

	private static Plan signedPlan() {
		Instant signedAt = Instant.parse("2020-06-15T09:45:00Z");
		return Plan.restore(new PlanId("p1"), 3, 2020, "Plan 2020",
				List.of(new Party("AMBAFRANCE-RS", "Ambassade"), new Party("SKGO", "SKGO")), List.of(Theme.YOUTH),
				List.of(Activity.planned("Youth councils", Theme.YOUTH, List.of(), null, null, List.of())),
				List.of(new Signature("AMBAFRANCE-RS", "Ambassador", "sub-embassy", signedAt),
						new Signature("SKGO", "Secretary General", "sub-skgo", signedAt)),
				PlanStatus.SIGNED, null);
	}

	private ResultActions postJson(String path, String body) throws Exception {
		return mvc.perform(post(path).with(NEVERS).contentType(MediaType.APPLICATION_JSON).content(body));
	}

}
