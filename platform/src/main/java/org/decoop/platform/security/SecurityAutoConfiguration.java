package org.decoop.platform.security;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes every decoop service an OAuth2 resource server with the shared rules of
 * {@link ApiSecurity}; Spring Boot provides the JWT decoder from
 * {@code spring.security.oauth2.resourceserver.jwt.*} (keys, issuer, audience). Runs
 * before Boot's own web security, which then backs off.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Callers callers(SecurityProperties properties, @Value("${spring.application.name:decoop}") String serviceName) {
		return new Callers(properties, serviceName);
	}

	/** For the ops endpoints' own {@code @PreAuthorize}. */
	@Bean
	OpsRole opsRole(SecurityProperties properties) {
		return new OpsRole(properties.opsRole());
	}

	/**
	 * Wraps the JWT decoder Spring Boot configures (keys, issuer, audience) so that a
	 * verified token is reused until it expires ({@link VerifiedTokens});
	 * {@code decoop.security.verified-tokens=0} verifies every request again.
	 */
	@Bean
	static BeanPostProcessor verifiedTokenReuse(Environment environment) {
		long maximumSize = environment.getProperty("decoop.security.verified-tokens", Long.class, 10_000L);
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens) && maximumSize > 0
						? new VerifiedTokens(decoder, maximumSize, Clock.systemUTC()) : bean;
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@EnableWebSecurity
	// the ops endpoints carry @PreAuthorize: enforced whichever filter chain the service
	// has
	@EnableMethodSecurity
	static class WebSecurity {

		@Bean
		@ConditionalOnMissingBean(SecurityFilterChain.class)
		SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, SecurityProperties properties, Callers callers)
				throws Exception {
			return ApiSecurity.filterChain(http, properties, callers);
		}

		/** The firewall's refusals as 400 problem details instead of a 500. */
		@Bean
		@ConditionalOnMissingBean
		RequestRejectedHandler requestRejectedHandler() {
			return new ProblemResponses();
		}

		/** Controllers take their caller as a {@link CurrentCaller} argument. */
		@Bean
		WebMvcConfigurer currentCallerArguments(Callers callers) {
			return new WebMvcConfigurer() {
				@Override
				public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
					resolvers.add(new CurrentCallerArguments(callers));
				}
			};
		}

	}

}
