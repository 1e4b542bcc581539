package org.decoop.events;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.decoop.events.notification.NotificationEvent;
import org.decoop.events.partnership.PartnerSearchEvent;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.plan.FundingCallEvent;
import org.decoop.events.plan.PlanEvent;

/**
 * The event catalog, derived from the sealed families so that it cannot drift from the
 * records: topic of each family, CloudEvent type of each record, and the way back.
 */
public final class EventCatalog {

	/** Prefix of every CloudEvent {@code type}: {@code org.decoop.PlanSigned}. */
	public static final String TYPE_PREFIX = "org.decoop.";

	private static final Map<String, Class<? extends DecoopEvent>> CLASSES_BY_TYPE = new LinkedHashMap<>();

	private static final Map<Class<?>, String> TOPICS_BY_FAMILY = new LinkedHashMap<>();

	private static final Map<Class<?>, String> SOURCES_BY_FAMILY = new LinkedHashMap<>();

	static {
		register(PartnershipEvent.class, Topics.PARTNERSHIP_EVENTS, Sources.PARTNERSHIP_SERVICE);
		register(PartnerSearchEvent.class, Topics.PARTNERSHIP_EVENTS, Sources.PARTNERSHIP_SERVICE);
		register(PlanEvent.class, Topics.PLAN_EVENTS, Sources.PLAN_SERVICE);
		register(FundingCallEvent.class, Topics.PLAN_EVENTS, Sources.PLAN_SERVICE);
		register(NotificationEvent.class, Topics.NOTIFICATION_EVENTS, Sources.NOTIFICATION_SERVICE);
	}

	private EventCatalog() {
	}

	@SuppressWarnings("unchecked")
	private static void register(Class<? extends DecoopEvent> family, String topic, String source) {
		TOPICS_BY_FAMILY.put(family, topic);
		SOURCES_BY_FAMILY.put(family, source);
		for (Class<?> type : family.getPermittedSubclasses()) {
			CLASSES_BY_TYPE.put(TYPE_PREFIX + type.getSimpleName(), (Class<? extends DecoopEvent>) type);
		}
	}

	/**
	 * The CloudEvent type of an event class, e.g.
	 * {@code org.decoop.PartnershipEstablished}.
	 */
	public static String typeOf(Class<? extends DecoopEvent> eventClass) {
		return TYPE_PREFIX + eventClass.getSimpleName();
	}

	/**
	 * The event name without prefix, as subscriptions name it, e.g. {@code PlanSigned}.
	 */
	public static String nameOf(Class<? extends DecoopEvent> eventClass) {
		return eventClass.getSimpleName();
	}

	/**
	 * The record class of a CloudEvent type; empty for a type this version does not know.
	 */
	public static Optional<Class<? extends DecoopEvent>> classOf(String type) {
		return Optional.ofNullable(CLASSES_BY_TYPE.get(type));
	}

	/** Every CloudEvent type of the catalog, grouped by topic in catalog order. */
	public static List<String> types() {
		return List.copyOf(CLASSES_BY_TYPE.keySet());
	}

	/** Every event class of the catalog. */
	public static List<Class<? extends DecoopEvent>> eventClasses() {
		return List.copyOf(CLASSES_BY_TYPE.values());
	}

	/** The topic an event class is published on. */
	public static String topicOf(Class<? extends DecoopEvent> eventClass) {
		return familyEntry(eventClass, TOPICS_BY_FAMILY);
	}

	/** The CloudEvent source of the service that publishes an event class. */
	public static String sourceOf(Class<? extends DecoopEvent> eventClass) {
		return familyEntry(eventClass, SOURCES_BY_FAMILY);
	}

	/**
	 * The settings every event topic is created with: it keeps every event (no time or
	 * size limit, no compaction), since a subscriber that joins late and a rebuilt read
	 * model read it from the start.
	 */
	public static final Map<String, String> TOPIC_SETTINGS = Map.of("retention.ms", "-1", "retention.bytes", "-1",
			"cleanup.policy", "delete");

	/** The three topics. */
	public static List<String> topics() {
		return TOPICS_BY_FAMILY.values().stream().distinct().toList();
	}

	/** The event classes published on one topic. */
	public static List<Class<? extends DecoopEvent>> eventClassesOn(String topic) {
		return TOPICS_BY_FAMILY.entrySet()
			.stream()
			.filter(entry -> entry.getValue().equals(topic))
			.flatMap(entry -> Arrays.stream(entry.getKey().getPermittedSubclasses()))
			.<Class<? extends DecoopEvent>>map(type -> type.asSubclass(DecoopEvent.class))
			.toList();
	}

	private static String familyEntry(Class<? extends DecoopEvent> eventClass, Map<Class<?>, String> byFamily) {
		return byFamily.entrySet()
			.stream()
			.filter(entry -> entry.getKey().isAssignableFrom(eventClass))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not an event of the catalog: " + eventClass));
	}

}
