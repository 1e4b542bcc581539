package org.decoop.notification.subscription;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.decoop.platform.testing.MockCallers;
import org.decoop.platform.web.ProblemDetailsAdvice;
import org.decoop.platform.web.StrictJson;
import org.decoop.platform.web.StrictRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Bad subscriptions get problem details naming the field, and nothing is stored. */
@WebMvcTest(SubscriptionController.class)
@Import({ ProblemDetailsAdvice.class, StrictJson.class, StrictRequests.class, SubscriptionApiWebTest.Production.class })
class SubscriptionApiWebTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Subscriptions subscriptions;

	@MockitoBean
	Confirmations confirmations;

	@BeforeEach
	void storesWhatItIsGiven() {
		given(subscriptions.add(any(), any()))
			.willAnswer(call -> new Subscriptions.Stored(call.getArgument(0), call.getArgument(1)));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown channel        | {"subscriber": "SKGO", "channel": "PIGEON"}                                              | channel
					missing channel        | {"subscriber": "SKGO"}                                                                   | channel
					subscriber too long    | {"subscriber": "SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS", "channel": "INBOX"}                                                 | subscriber
					bad webhook URL        | {"subscriber": "SKGO", "channel": "WEBHOOK", "target": "not a url"}                      | target
					no webhook URL         | {"subscriber": "SKGO", "channel": "WEBHOOK"}                                             | target
					bad e-mail             | {"subscriber": "SKGO", "channel": "EMAIL", "target": "skgo.org"}                         | target
					inbox with a target    | {"subscriber": "SKGO", "channel": "INBOX", "target": "https://example.org"}              | target
					unknown event type     | {"subscriber": "SKGO", "channel": "INBOX", "eventTypes": ["PlanApproved"]}               | eventTypes[0]
					bad filter country     | {"subscriber": "SKGO", "channel": "INBOX", "filter": {"country": "Serbia"}}              | filter.country
					unknown filter theme   | {"subscriber": "SKGO", "channel": "INBOX", "filter": {"theme": "CHESS"}}                 | filter.theme
					unknown digest         | {"channel": "EMAIL", "target": "a@skgo.org", "digest": "HOURLY"}                         | digest
					digest not a string    | {"channel": "EMAIL", "target": "a@skgo.org", "digest": 7}                                | digest
					digest of a webhook    | {"channel": "WEBHOOK", "target": "https://93.184.216.34/hooks", "digest": "DAILY"}       | digest
					digest of an inbox     | {"channel": "INBOX", "digest": "WEEKLY"}                                                 | digest
					""")
	void namesTheOffendingField(String name, String body, String field) throws Exception {
		create(body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(field));
		verifyNoInteractions(subscriptions);
	}

	@Test
	void refusesWebhookTargetsOnInternalAddresses() throws Exception {
		create("{\"subscriber\": \"SKGO\", \"channel\": \"WEBHOOK\", \"target\": \"http://169.254.169.254/latest\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("target"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("internal address")));
		verifyNoInteractions(subscriptions);
	}

	@Test
	void showsTheSigningSecretOfANewWebhookSubscription() throws Exception {
		create("{\"subscriber\": \"SKGO\", \"channel\": \"WEBHOOK\", \"target\": \"https://93.184.216.34/hooks/decoop\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.secret").value(org.hamcrest.Matchers.startsWith("whsec_")))
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		then(subscriptions).should().add(any(), any());
	}

	@Test
	void storesNoSecretForAnInbox() throws Exception {
		create("{\"subscriber\": \"SKGO\", \"channel\": \"INBOX\", \"eventTypes\": [\"PlanSigned\"], \"filter\": {\"country\": \"RS\"}}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.secret").doesNotExist())
			.andExpect(jsonPath("$.filter.country").value("RS"));
		then(subscriptions).should().add(any(), eq(null));
	}

	@Test
	void answersTheDigestOfAnEmailSubscription() throws Exception {
		create("{\"channel\": \"EMAIL\", \"target\": \"coordination@skgo.org\", \"digest\": \"DAILY\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.digest").value("DAILY"));
		create("{\"channel\": \"EMAIL\", \"target\": \"coordination@skgo.org\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.digest").value("NONE"))
			.andExpect(jsonPath("$.status").value("PENDING_CONFIRMATION"));
		create("{\"channel\": \"INBOX\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.digest").doesNotExist());
	}

	private ResultActions create(String body) throws Exception {
		return mvc.perform(post("/api/subscriptions").with(MockCallers.user("skgo-coordinator", "SKGO"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/** As in production: internal webhook targets are refused. */
	static class Production {

		@Bean
		TargetGuard targetGuard() {
			return new TargetGuard(false);
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
