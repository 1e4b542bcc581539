package org.decoop.partnership.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.decoop.events.PartnershipStatus;

import org.decoop.partnership.partnership.domain.PartnerUnknown;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.partnership.partnership.domain.PartnershipStatistics;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.StaleVersion;
import org.decoop.platform.domain.StateConflict;
import org.decoop.platform.testing.MockCallers;
import org.decoop.platform.web.ProblemDetailsAdvice;
import org.decoop.platform.web.RequestSizeLimitFilter;
import org.decoop.platform.web.StrictJson;
import org.decoop.platform.web.StrictRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every way a client can get a request wrong, answered as problem details naming the
 * field, with nothing reaching the application layer (so nothing is written).
 */
@WebMvcTest(PartnershipController.class)
@Import({ ProblemDetailsAdvice.class, StrictJson.class, StrictRequests.class, PartnershipApiWebTest.SizeLimit.class })
class PartnershipApiWebTest {

	private static final String TWO_PARTNERS = """
			{"partnerIds": ["nevers", "sremska-mitrovica"], "since": 2005, "themes": ["CULTURE"]}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PartnershipService service;

	@Autowired
	WebMvcProperties webMvc;

	@Test
	void givesAStreamedCsvExportMoreThanTheServletContainersDefaultAsyncTimeout() {
		// the export is an async request: Tomcat's default (30 s) would cut a large one
		// off after its 200
		assertThat(webMvc.getAsync().getRequestTimeout()).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void answersMalformedJsonWithAProblem() throws Exception {
		postJson("/api/partnerships", "{\"partnerIds\": [\"a\", ").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://decoop.org/problems/malformed-json"))
			.andExpect(jsonPath("$.status").value(400));
		verifyNoInteractions(service);
	}

	@Test
	void namesAnUnknownThemeWithItsPosition() throws Exception {
		postJson("/api/partnerships", """
				{"partnerIds": ["a", "b"], "themes": ["CULTURE", "KNITTING"]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("themes[1]"));
		verifyNoInteractions(service);
	}

	@Test
	void refusesFewerThanTwoPartners() throws Exception {
		postJson("/api/partnerships", """
				{"partnerIds": ["nevers"], "themes": []}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("partnerIds"))
			.andExpect(jsonPath("$.errors[0].field").value("partnerIds"));
		verifyNoInteractions(service);
	}

	@Test
	void refusesMissingPartnersAndABadCoordinatorEmailTogether() throws Exception {
		postJson("/api/partnerships", """
				{"themes": [], "coordinator": {"name": "SKGO", "email": "not-an-email"}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("coordinator.email", "partnerIds")));
		verifyNoInteractions(service);
	}

	@Test
	void refusesABlankReason() throws Exception {
		postJson("/api/partnerships/p-1/dormancy", "{\"reason\": \" \"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"));
		verifyNoInteractions(service);
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "country, XX", "status, SLEEPING", "size, 500", "page, -1" })
	void refusesABadFilterOrPageNamingIt(String parameter, String value) throws Exception {
		mvc.perform(get("/api/partnerships").param(parameter, value))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value(parameter));
		verifyNoInteractions(service);
	}

	@Test
	void answersTheStatisticsToAnyone() throws Exception {
		given(service.statistics(2020)).willReturn(new PartnershipStatistics(2020, 3,
				Map.of(PartnershipStatus.ACTIVE, 2L, PartnershipStatus.DORMANT, 1L, PartnershipStatus.ENDED, 0L),
				Map.of("FR", Map.of(PartnershipStatus.ACTIVE, 2L, PartnershipStatus.DORMANT, 1L,
						PartnershipStatus.ENDED, 0L))));

		mvc.perform(get("/api/partnerships/stats").param("year", "2020"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2020))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.partnershipsByStatus.ACTIVE").value(2))
			.andExpect(jsonPath("$.partnershipsByCountry.FR.DORMANT").value(1));
	}

	@Test
	void refusesABadStatisticsYear() throws Exception {
		for (String year : List.of("3000", "1899", "twenty", "2020.5")) {
			mvc.perform(get("/api/partnerships/stats").param("year", year))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.field").value("year"));
		}
		verifyNoInteractions(service);
	}

	@Test
	void refusesAnOversizedBody() throws Exception {
		String reason = "x".repeat(3000);
		postJson("/api/partnerships/p-1/dormancy", "{\"reason\": \"" + reason + "\"}")
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.type").value("https://decoop.org/problems/payload-too-large"));
		verifyNoInteractions(service);
	}

	@Test
	void mapsDomainRefusalsToTheirStatus() throws Exception {
		given(service.get(any(PartnershipId.class))).willThrow(new DoesNotExist("Partnership", "nope"));
		mvc.perform(get("/api/partnerships/nope"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Partnership nope does not exist"));

		given(service.putToDormancy(any(), anyString(), any(), any()))
			.willThrow(new StateConflict("status", "Partnership p is ENDED"));
		postJson("/api/partnerships/p/dormancy", "{\"reason\": \"quiet\"}").andExpect(status().isConflict());

		given(service.reactivate(any(), anyString(), any(), any())).willThrow(new StaleVersion("stale"));
		postJson("/api/partnerships/p/reactivation", "{\"reason\": \"back\"}")
			.andExpect(status().isPreconditionFailed());

		given(service.establish(any(), any(), any(), any(), any())).willThrow(new PartnerUnknown(1, "nope"));
		postJson("/api/partnerships", TWO_PARTNERS).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("partnerIds[1]"));
	}

	private ResultActions postJson(String path, String body) throws Exception {
		return mvc.perform(post(path).with(MockCallers.steward("skgo", "SKGO"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/** The platform's body limit, small here so the test body stays small. */
	static class SizeLimit {

		@Bean
		FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter() {
			return new FilterRegistrationBean<>(new RequestSizeLimitFilter(2048));
		}

	}

}
