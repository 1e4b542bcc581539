package org.decoop.notification.subscription;

import org.decoop.platform.security.ApiSecurity;
import org.decoop.platform.security.Callers;
import org.decoop.platform.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The one path of the API used without a bearer token: a confirmation link, whose token
 * proves control of the mailbox (its reader need not have an account). Every other
 * request keeps the shared rules of {@link ApiSecurity}, declared here as the platform's
 * own chain backs off once a service declares one.
 */
@Configuration(proxyBeanMethods = false)
class ConfirmationSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain confirmationLinks(HttpSecurity http) throws Exception {
		return http.securityMatcher("/api/subscriptions/*/confirmation")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, Callers callers) throws Exception {
		return ApiSecurity.filterChain(http, properties, callers);
	}

}
