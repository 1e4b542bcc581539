package org.decoop.platform.idempotency;

import java.time.Clock;
import java.util.function.Supplier;

import org.decoop.platform.domain.Actor;
import org.decoop.platform.security.Callers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * {@code Idempotency-Key} on the commands of every service: the keys in the service's
 * MongoDB, the filter behind Spring Security, the header in the OpenAPI document.
 */
@AutoConfiguration(afterName = { "org.decoop.platform.PlatformAutoConfiguration",
		"org.decoop.platform.security.SecurityAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoTemplate.class)
@ConditionalOnProperty(name = "decoop.idempotency.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyConfiguration {

	/**
	 * After Spring Security's filter chain (-100), which names the caller, and before the
	 * servlet.
	 */
	static final int ORDER = -50;

	/** The scope of the keys sent without a token (the open endpoints). */
	static final String ANONYMOUS = "anonymous";

	@Bean
	IdempotencyRecords idempotencyRecords(MongoTemplate mongo, IdempotencyProperties properties, Clock clock,
			ObjectProvider<KeptAnswerSeal> seal) {
		return new IdempotencyRecords(mongo, properties, clock, seal.getIfAvailable());
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRecords records, Callers callers,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
		return registration(new IdempotencyFilter(records, callerScope(callers), problems));
	}

	/** On {@code /api/*}, behind Spring Security. */
	static FilterRegistrationBean<IdempotencyFilter> registration(IdempotencyFilter filter) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(ORDER);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/** The token's subject, or {@value #ANONYMOUS} without one. */
	static Supplier<String> callerScope(Callers callers) {
		return () -> callers.signedIn().map(Actor::id).orElse(ANONYMOUS);
	}

	@Bean
	IdempotencyKeyDocumentation idempotencyKeyDocumentation(IdempotencyProperties properties) {
		return new IdempotencyKeyDocumentation(properties.retention().toString());
	}

}
