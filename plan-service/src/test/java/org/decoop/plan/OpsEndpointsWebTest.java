package org.decoop.plan;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.decoop.platform.deadletter.DeadLetterController;
import org.decoop.platform.deadletter.DeadLetters;
import org.decoop.platform.testing.MockCallers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ops endpoints guard themselves: a service that brings its own filter chain, one
 * without the {@code /api/ops/**} rule or one that lets every request through, still
 * cannot expose them.
 */
@WebMvcTest(DeadLetterController.class)
@Import({ DeadLetterController.class, OpsEndpointsWebTest.PermitEverything.class })
class OpsEndpointsWebTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DeadLetters deadLetters;

	@Test
	void refusesANonOpsTokenEvenWhenTheFilterChainPermitsEverything() throws Exception {
		given(deadLetters.list()).willReturn(List.of());

		mvc.perform(get("/api/ops/dead-letters").with(MockCallers.steward("skgo", "SKGO")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/ops/dead-letters/plan-events.dlq/replay").with(MockCallers.user("nevers", "FR-NEVERS")))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesACallerWithoutToken() throws Exception {
		mvc.perform(get("/api/ops/dead-letters")).andExpect(status().is4xxClientError());
	}

	@Test
	void letsAnOpsTokenIn() throws Exception {
		given(deadLetters.list()).willReturn(List.of());

		mvc.perform(get("/api/ops/dead-letters").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ops"))))
			.andExpect(status().isOk());
	}

	/** A service's own chain that forgot the ops rule: every request is let through. */
	@TestConfiguration(proxyBeanMethods = false)
	static class PermitEverything {

		@Bean
		SecurityFilterChain permitEverything(HttpSecurity http) throws Exception {
			return http.csrf(csrf -> csrf.disable())
				.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.oauth2ResourceServer(server -> server.jwt(jwt -> {
				}))
				.build();
		}

	}

}
