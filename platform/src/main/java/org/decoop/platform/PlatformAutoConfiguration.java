package org.decoop.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.decoop.platform.domain.Actor;
import org.decoop.events.EventCatalog;
import org.decoop.platform.messaging.EventTopicRetention;
import org.decoop.platform.messaging.IdempotentConsumer;
import org.decoop.platform.mongo.MongoPingHealthIndicator;
import org.decoop.platform.mongo.StartupIndexes;
import org.decoop.platform.outbox.AggregateStore;
import org.decoop.platform.outbox.EventSerializer;
import org.decoop.platform.outbox.OutboxEndpoint;
import org.decoop.platform.outbox.OutboxProperties;
import org.decoop.platform.outbox.OutboxRelay;
import org.decoop.platform.outbox.OutboxWakeups;
import org.decoop.platform.outbox.OutboxSource;
import org.decoop.platform.readmodel.VersionedReadModels;
import org.decoop.platform.security.Callers;
import org.decoop.platform.tracing.Traces;
import org.decoop.platform.web.ApiDocumentation;
import org.decoop.platform.web.ProblemDetailsAdvice;
import org.decoop.platform.web.RequestSizeLimitFilter;
import org.decoop.platform.web.StrictJson;
import org.decoop.platform.web.StrictRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The mechanisms every decoop service shares, configured once. */
@AutoConfiguration(
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
				"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" },
		beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformAutoConfiguration {

	/**
	 * Millisecond ticks: what MongoDB stores, so a reloaded time equals the one in the
	 * event.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

	@Bean
	@ConditionalOnMissingBean
	EventSerializer eventSerializer(ObjectProvider<Callers> callers, Traces traces,
			@Value("${spring.application.name:decoop}") String serviceName) {
		Callers known = callers.getIfAvailable();
		Actor system = Actor.system(serviceName);
		return new EventSerializer(known == null ? () -> system : known::currentOrSystem, traces::current);
	}

	/**
	 * Probes and scrapes (readiness, Prometheus) are not traced: they would bury the
	 * commands' traces.
	 */
	@Bean
	ObservationPredicate noActuatorTraces() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/actuator"));
	}

	@Bean
	@ConditionalOnMissingBean
	Traces traces(ObjectProvider<Tracer> tracer) {
		Tracer available = tracer.getIfAvailable();
		return available == null ? Traces.NONE : Traces.of(available);
	}

	@Bean
	@ConditionalOnMissingBean
	AggregateStore aggregateStore(MongoTemplate mongo, EventSerializer serializer, OutboxWakeups outboxWakeups,
			@Value("${decoop.outbox.max-pending-events:" + AggregateStore.DEFAULT_MAX_PENDING_EVENTS
					+ "}") int maxPendingEvents,
			@Value("${decoop.outbox.max-event-size:900KB}") DataSize maxEventSize) {
		return new AggregateStore(mongo, serializer, outboxWakeups, maxPendingEvents, maxEventSize);
	}

	@Bean
	@ConditionalOnMissingBean
	VersionedReadModels versionedReadModels(MongoTemplate mongo) {
		return new VersionedReadModels(mongo);
	}

	/**
	 * The indexes, created at start (see {@link StartupIndexes}); a store may ask for
	 * {@code _id_version}.
	 */
	@Bean
	@ConditionalOnMissingBean
	StartupIndexes startupIndexes(MongoTemplate mongo,
			@Value("${decoop.mongo.version-index:false}") boolean versionIndex, VersionedReadModels readModels) {
		return new StartupIndexes(mongo, versionIndex, readModels);
	}

	@Bean
	OutboxWakeups outboxWakeups() {
		return new OutboxWakeups();
	}

	@Bean
	@ConditionalOnMissingBean
	IdempotentConsumer idempotentConsumer(MongoTemplate mongo) {
		return new IdempotentConsumer(mongo);
	}

	/**
	 * The relay's own producer: String keys, CloudEvent bytes, acks=all and idempotence
	 * forced whatever else {@code spring.kafka.producer.*} says, a short linger so sends
	 * are batched.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "outboxKafkaTemplate")
	KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafkaProperties) {
		Map<String, Object> config = kafkaProperties.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
		// each send is a producer span, and its traceparent header carries the trace to
		// the consumers
		template.setObservationEnabled(true);
		return template;
	}

	@Bean
	@ConditionalOnBean(OutboxSource.class)
	@ConditionalOnProperty(name = "decoop.outbox.enabled", havingValue = "true", matchIfMissing = true)
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
			OutboxProperties properties, List<OutboxSource> sources, OutboxWakeups outboxWakeups, Traces traces,
			Clock clock, ObjectProvider<MeterRegistry> meters) {
		return new OutboxRelay(mongo, outboxKafkaTemplate, properties, sources, outboxWakeups, traces, clock,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	@ConditionalOnBean(OutboxRelay.class)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	OutboxEndpoint outboxEndpoint(OutboxRelay relay) {
		return new OutboxEndpoint(relay);
	}

	/**
	 * The topics this service publishes to, created at start-up when missing, keeping
	 * every event.
	 */
	@Bean
	@ConditionalOnBean(OutboxSource.class)
	KafkaAdmin.NewTopics outboxTopics(List<OutboxSource> sources, OutboxProperties properties) {
		return new KafkaAdmin.NewTopics(sources.stream()
			.map(OutboxSource::topic)
			.distinct()
			.map(topic -> new NewTopic(topic, properties.topicPartitions(), properties.topicReplicas())
				.configs(EventCatalog.TOPIC_SETTINGS))
			.toArray(NewTopic[]::new));
	}

	/**
	 * A service does not start on event topics that would drop events (see
	 * {@link EventTopicRetention}): those it publishes to and those its Spring Cloud
	 * Stream bindings read.
	 */
	@Bean
	@ConditionalOnBean(KafkaAdmin.class)
	EventTopicRetention eventTopicRetention(KafkaAdmin admin, ObjectProvider<OutboxSource> sources,
			Environment environment,
			@Value("${" + EventTopicRetention.ALLOW_LIMITED_RETENTION + ":false}") boolean allowLimitedRetention,
			@Value("${decoop.events.retention-check-timeout:10s}") Duration timeout) {
		Set<String> used = new HashSet<>();
		sources.orderedStream().forEach(source -> used.add(source.topic()));
		Binder.get(environment)
			.bind("spring.cloud.stream.bindings", Bindable.mapOf(String.class, BoundTopic.class))
			.ifBound(bindings -> bindings.values().forEach(binding -> used.add(binding.destination())));
		List<String> eventTopics = EventCatalog.topics().stream().filter(used::contains).toList();
		return new EventTopicRetention(admin.getConfigurationProperties(), eventTopics, allowLimitedRetention, timeout);
	}

	/** The one setting of a binding that matters here. */
	record BoundTopic(@Nullable String destination) {
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

	/**
	 * Request bodies read as written: no coercion of numbers to text, enums by exact
	 * name.
	 */
	@Bean
	StrictJson strictJson() {
		return new StrictJson();
	}

	/**
	 * Parameters read as written (decimal numbers, enums by exact name); undecodable or
	 * control-character query strings (400) and bodies that are not JSON in UTF-8 (415)
	 * refused.
	 */
	@Bean
	StrictRequests strictRequests() {
		return new StrictRequests();
	}

	/**
	 * The OpenAPI document's title, version, description and the problems each operation
	 * can answer.
	 */
	@Bean
	ApiDocumentation apiDocumentation(@Value("${decoop.api.title:${spring.application.name:decoop}}") String title,
			@Value("${decoop.api.version:1}") String version, @Value("${decoop.api.description:}") String description,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:http://localhost:8180/realms/decoop}") String issuer,
			@Value("${decoop.security.signed-in-only:}") List<String> signedInOnly) {
		return new ApiDocumentation(title, version, description, issuer, signedInOnly);
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
			@Value("${decoop.web.max-request-size:256KB}") DataSize maxRequestSize) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(maxRequestSize.toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean(name = "mongoHealthContributor")
	@ConditionalOnMissingBean(name = "mongoHealthContributor")
	MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

}
