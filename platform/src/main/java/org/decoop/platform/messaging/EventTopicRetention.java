package org.decoop.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.decoop.events.EventCatalog;
import org.decoop.platform.StartupWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event topics are decoop's history: a subscriber that joins late, and a read model
 * rebuilt by an operator, read them from the beginning. At start-up this refuses a topic
 * that would drop events (a finite {@code retention.ms} or {@code retention.bytes}, or
 * compaction, which keeps only a key's last event), naming the topic and the setting,
 * unless an operator lowered it on purpose
 * ({@code decoop.events.allow-limited-retention=true}: then it only warns).
 * <p>
 * A topic that does not exist yet passes: whoever creates it (this service's outbox, the
 * local stack, compose's {@code kafka-init}) creates it keeping everything. A broker that
 * does not answer in time passes with a warning: the services start without Kafka and
 * catch up when it comes (the outbox waits).
 */
public class EventTopicRetention extends StartupWork {

	public static final String ALLOW_LIMITED_RETENTION = "decoop.events.allow-limited-retention";

	private static final Logger log = LoggerFactory.getLogger(EventTopicRetention.class);

	private final Map<String, Object> adminConfig;

	private final Collection<String> topics;

	private final boolean allowLimitedRetention;

	private final Duration timeout;

	public EventTopicRetention(Map<String, Object> adminConfig, Collection<String> topics,
			boolean allowLimitedRetention, Duration timeout) {
		this.adminConfig = adminConfig;
		this.topics = topics;
		this.allowLimitedRetention = allowLimitedRetention;
		this.timeout = timeout;
	}

	@Override
	protected void setUp() {
		List<String> problems = check();
		if (problems.isEmpty()) {
			log.info("Event topics {}: every event kept (or created so when missing)", topics);
			return;
		}
		if (allowLimitedRetention) {
			problems.forEach(problem -> log.warn("{} ({}=true: starting anyway)", problem, ALLOW_LIMITED_RETENTION));
			return;
		}
		throw new IllegalStateException(String.join("; ", problems) + ". Keep every event: kafka-configs.sh --alter "
				+ "--entity-type topics --entity-name <topic> --add-config retention.ms=-1,retention.bytes=-1,cleanup.policy=delete"
				+ " (docs/operations.md, \"Every event kept\"), or set " + ALLOW_LIMITED_RETENTION
				+ "=true to run with a shorter history on purpose");
	}

	/**
	 * One sentence per topic setting that would drop events; empty when every existing
	 * topic keeps them all.
	 */
	List<String> check() {
		List<String> problems = new ArrayList<>();
		Admin admin;
		try {
			admin = Admin.create(adminConfig);
		}
		catch (KafkaException unusable) {
			log.warn("Could not reach Kafka ({}): the retention of the event topics is not checked",
					unusable.getMessage());
			return problems;
		}
		try {
			for (String topic : topics) {
				ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
				Config config;
				try {
					config = admin.describeConfigs(List.of(resource))
						.all()
						.get(timeout.toMillis(), TimeUnit.MILLISECONDS)
						.get(resource);
				}
				catch (ExecutionException failed) {
					Throwable cause = Objects.requireNonNullElse(failed.getCause(), failed);
					if (cause instanceof UnknownTopicOrPartitionException) {
						continue;
					}
					log.warn("Could not read the settings of topic {} ({}): its retention is not checked", topic,
							cause.toString());
					continue;
				}
				catch (TimeoutException slow) {
					log.warn("Kafka did not answer within {}: the retention of the event topics is not checked",
							timeout);
					return problems;
				}
				if (config == null) {
					log.warn("Kafka did not describe topic {}: its retention is not checked", topic);
					continue;
				}
				Config described = config;
				EventCatalog.TOPIC_SETTINGS.forEach((setting, wanted) -> {
					ConfigEntry entry = described.get(setting);
					String actual = entry == null ? null : entry.value();
					if (!wanted.equals(actual)) {
						problems.add("Topic %s has %s=%s, which drops events (every event topic keeps all: %s=%s)"
							.formatted(topic, setting, actual, setting, wanted));
					}
				});
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
		finally {
			// not the default close, which waits for a pending request as long as the
			// client's API timeout (a minute)
			admin.close(Duration.ZERO);
		}
		return problems;
	}

}
