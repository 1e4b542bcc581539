package org.decoop.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.Topics;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.platform.testing.AdjustableClock;
import org.decoop.platform.testing.EventPublisher;
import org.decoop.platform.testing.EventTopics;
import org.decoop.platform.testing.ServiceApi.Answer;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one Spring context the plan-service scenarios extending this class share (Spring's
 * test context cache keeps it: same classes, properties and database) instead of starting
 * one each: fast consumer back-offs, the service's clock {@link AdjustableClock
 * adjustable} (moved forward only), and the funding call deadline job running every 200
 * ms; events published as their owners would, and read back from {@code plan-events}.
 */
@ServiceScenario(database = "plans-it", classes = { PlanServiceApplication.class, AdjustableClock.InContext.class },
		properties = { "spring.cloud.stream.bindings.partnershipEvents-in-0.consumer.back-off-initial-interval=20",
				"spring.cloud.stream.bindings.partnershipEvents-in-0.consumer.back-off-max-interval=50",
				"decoop.funding-calls.deadline-check.interval=200ms",
				"decoop.funding-calls.deadline-check.initial-delay=0s" })
public abstract class PlanServiceContext {

	@RegisterExtension
	protected static final EventPublisher events = new EventPublisher();

	/**
	 * Retries until the partnership published just before has reached the service's read
	 * model.
	 */
	protected static Answer awaitCreated(Callable<Answer> request) {
		List<Answer> created = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Answer response = request.call();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			created.add(response);
		});
		return created.get(0);
	}

	/**
	 * Publishes a partnership as partnership-service would: active, of Nevers and Sremska
	 * Mitrovica, on youth; answers its id.
	 */
	protected static String publishPartnership() throws Exception {
		String id = UUID.randomUUID().toString();
		events.publish(new PartnershipEstablished(id, 0, PartnershipStatus.ACTIVE,
				List.of(new PartnershipEvent.Partner("nevers", "Nevers", "FR"),
						new PartnershipEvent.Partner("sremska-mitrovica", "Sremska Mitrovica", "RS")),
				2005, Set.of(Theme.YOUTH), null, Instant.now()));
		return id;
	}

	/**
	 * Waits for {@code expected} records with {@code key} on {@code plan-events}, and
	 * checks no more came.
	 */
	protected static List<ConsumerRecord<String, byte[]>> planEvents(String key, int expected) {
		try (KafkaConsumer<String, byte[]> consumer = EventTopics.consumer(Topics.PLAN_EVENTS)) {
			return EventTopics.recordsWithKey(consumer, key, expected);
		}
	}

}
