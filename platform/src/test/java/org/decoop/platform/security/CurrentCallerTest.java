package org.decoop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.decoop.platform.domain.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A handler takes its caller as an argument: the signed-in {@link Actor} read from the
 * token, or, where reading is open to anyone, maybe none; never the system.
 */
class CurrentCallerTest {

	private final Callers callers = new Callers(
			Binder.get(new MockEnvironment()).bindOrCreate("decoop.security", SecurityProperties.class),
			"test-service");

	private final MockMvcTester api = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Things())
		.setCustomArgumentResolvers(new CurrentCallerArguments(callers))
		.build());

	@RestController
	static class Things {

		@GetMapping("/written")
		String written(@CurrentCaller Actor caller) {
			return caller.name() + " acts for " + caller.actsFor();
		}

		@GetMapping("/read")
		String read(@CurrentCaller Optional<Actor> caller) {
			return caller.map(Actor::name).orElse("anyone");
		}

	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theSignedInCallerIsTheTokensActor() {
		Jwt token = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("f3a1")
			.claim("preferred_username", "nevers")
			.claim("acts_for", List.of("FR-NEVERS"))
			.build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
		assertThat(api.get().uri("/written")).hasStatusOk().hasBodyTextEqualTo("nevers acts for [FR-NEVERS]");
		assertThat(api.get().uri("/read")).hasStatusOk().hasBodyTextEqualTo("nevers");
	}

	@Test
	void anAnonymousCallerIsNobodyNeverTheSystem() {
		assertThat(api.get().uri("/read")).hasStatusOk().hasBodyTextEqualTo("anyone");
		assertThat(api.get().uri("/written")).failure()
			.hasRootCauseInstanceOf(AuthenticationCredentialsNotFoundException.class);
	}

}
