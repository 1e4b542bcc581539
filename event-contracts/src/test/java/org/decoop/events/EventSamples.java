package org.decoop.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.decoop.events.notification.NotificationDeliveryFailed;
import org.decoop.events.partnership.PartnerSearchClosed;
import org.decoop.events.partnership.PartnerSearchEvent.Searcher;
import org.decoop.events.partnership.PartnerSearchOpened;
import org.decoop.events.partnership.PartnershipEnded;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent.Partner;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.events.plan.ActivityCompleted;
import org.decoop.events.plan.FundingCallClosed;
import org.decoop.events.plan.FundingCallClosingSoon;
import org.decoop.events.plan.FundingCallPublished;
import org.decoop.events.plan.PlanCancelled;
import org.decoop.events.plan.PlanCompleted;
import org.decoop.events.plan.PlanDrafted;
import org.decoop.events.plan.PlanEvent.Activity;
import org.decoop.events.plan.PlanEvent.Funding;
import org.decoop.events.plan.PlanEvent.Party;
import org.decoop.events.plan.PlanEvent.SignedParty;
import org.decoop.events.plan.PlanSignatureRecorded;
import org.decoop.events.plan.PlanSigned;

/**
 * One realistic instance of every event of the catalog, taken from the seed story: the
 * 2020 joint action plan of the French Embassy in Serbia (AMBAFRANCE-RS) and SKGO, whose
 * signature restarts the dormant partnership of Nevers (FR) and Sremska Mitrovica (RS). A
 * record added to the catalog without a sample here makes {@code EventSchemaTest} fail.
 */
public final class EventSamples {

	public static final String PARTNERSHIP_ID = "pship-nevers-sremska-mitrovica";

	public static final String PLAN_ID = "plan-2020-ambafrance-rs-skgo";

	public static final String ACTIVITY_ID = "act-2020-youth-exchange";

	public static final String SEARCH_ID = "search-rs-kragujevac-youth";

	public static final String CALL_ID = "call-meae-fr-rs-2020";

	public static final String SUBSCRIPTION_ID = "sub-skgo-coordinator-webhook";

	private static final Map<Class<? extends DecoopEvent>, Supplier<DecoopEvent>> SAMPLES = new LinkedHashMap<>();

	static {
		SAMPLES.put(PartnershipEstablished.class, EventSamples::partnershipEstablished);
		SAMPLES.put(PartnershipWentDormant.class, EventSamples::partnershipWentDormant);
		SAMPLES.put(PartnershipReactivated.class, EventSamples::partnershipReactivated);
		SAMPLES.put(PartnershipEnded.class, EventSamples::partnershipEnded);
		SAMPLES.put(PartnerSearchOpened.class, EventSamples::partnerSearchOpened);
		SAMPLES.put(PartnerSearchClosed.class, EventSamples::partnerSearchClosed);
		SAMPLES.put(PlanDrafted.class, EventSamples::planDrafted);
		SAMPLES.put(PlanSignatureRecorded.class, EventSamples::planSignatureRecorded);
		SAMPLES.put(PlanSigned.class, EventSamples::planSigned);
		SAMPLES.put(ActivityCompleted.class, EventSamples::activityCompleted);
		SAMPLES.put(PlanCompleted.class, EventSamples::planCompleted);
		SAMPLES.put(PlanCancelled.class, EventSamples::planCancelled);
		SAMPLES.put(FundingCallPublished.class, EventSamples::fundingCallPublished);
		SAMPLES.put(FundingCallClosingSoon.class, EventSamples::fundingCallClosingSoon);
		SAMPLES.put(FundingCallClosed.class, EventSamples::fundingCallClosed);
		SAMPLES.put(NotificationDeliveryFailed.class, EventSamples::notificationDeliveryFailed);
	}

	private EventSamples() {
	}

	/** The event classes that have a sample. */
	public static Set<Class<? extends DecoopEvent>> sampledClasses() {
		return SAMPLES.keySet();
	}

	/** A sample of one event class; fails for a class without a sample. */
	public static <E extends DecoopEvent> E sampleOf(Class<E> eventClass) {
		Supplier<DecoopEvent> sample = SAMPLES.get(eventClass);
		if (sample == null) {
			throw new IllegalArgumentException("No sample for " + eventClass.getName() + ": add one to EventSamples");
		}
		return eventClass.cast(sample.get());
	}

	// --- partnership-events

	public static List<Partner> partners() {
		return List.of(new Partner("la-fr-nevers", "Nevers", "FR", "FR-NEVERS", 46.9896, 3.159),
				new Partner("la-rs-sremska-mitrovica", "Sremska Mitrovica", "RS", "RS-SREMSKA-MITROVICA"));
	}

	public static Set<Theme> partnershipThemes() {
		return Set.of(Theme.YOUTH, Theme.CULTURE, Theme.LOCAL_ECONOMIC_DEVELOPMENT);
	}

	public static PartnershipEstablished partnershipEstablished() {
		return new PartnershipEstablished(PARTNERSHIP_ID, 0, PartnershipStatus.ACTIVE, partners(), 2004,
				partnershipThemes(), new PartnershipEstablished.Coordinator("Jelena Petrović"),
				Instant.parse("2020-02-03T09:00:00Z"));
	}

	public static PartnershipWentDormant partnershipWentDormant() {
		return new PartnershipWentDormant(PARTNERSHIP_ID, 1, PartnershipStatus.DORMANT, partners(), partnershipThemes(),
				"No joint activity for several years", LocalDate.of(2013, 10, 12),
				Instant.parse("2020-02-10T14:30:00Z"));
	}

	public static PartnershipReactivated partnershipReactivated() {
		return new PartnershipReactivated(PARTNERSHIP_ID, 2, PartnershipStatus.ACTIVE, partners(), partnershipThemes(),
				"Named by an activity of the signed 2020 action plan", PLAN_ID,
				Instant.parse("2020-06-15T10:00:01.250Z"));
	}

	public static PartnershipEnded partnershipEnded() {
		return new PartnershipEnded(PARTNERSHIP_ID, 3, PartnershipStatus.ENDED, partners(), partnershipThemes(),
				"Both councils decided to end the partnership", Instant.parse("2020-12-18T16:45:00Z"));
	}

	// --- partner searches, on partnership-events

	public static Searcher kragujevac() {
		return new Searcher("la-rs-kragujevac", "RS-KRAGUJEVAC", "Крагујевац", "RS");
	}

	public static PartnerSearchOpened partnerSearchOpened() {
		return new PartnerSearchOpened(SEARCH_ID, 0, PartnerSearchStatus.OPEN, kragujevac(),
				Set.of(Theme.YOUTH, Theme.ENVIRONMENT), Set.of("FR"),
				"A French town for youth exchanges and a shared river-cleaning project", LocalDate.of(2020, 12, 31),
				Instant.parse("2020-03-02T09:00:00Z"));
	}

	public static PartnerSearchClosed partnerSearchClosed() {
		return new PartnerSearchClosed(SEARCH_ID, 1, PartnerSearchStatus.CLOSED, kragujevac(),
				Set.of(Theme.YOUTH, Theme.ENVIRONMENT), Set.of("FR"), LocalDate.of(2020, 12, 31),
				"Found a partner: Suresnes", "pship-suresnes-kragujevac", false, Instant.parse("2020-10-12T14:00:00Z"));
	}

	// --- plan-events

	public static List<Party> parties() {
		return List.of(new Party("AMBAFRANCE-RS", "Ambassade de France en Serbie"),
				new Party("SKGO", "Stalna konferencija gradova i opština"));
	}

	public static Set<Theme> planThemes() {
		return Set.of(Theme.GENDER_EQUALITY, Theme.RULE_OF_LAW, Theme.YOUTH, Theme.LOCAL_ECONOMIC_DEVELOPMENT,
				Theme.ENVIRONMENT, Theme.URBAN_PLANNING);
	}

	public static List<Activity> activities() {
		return List.of(
				new Activity(ACTIVITY_ID, "Youth exchange Nevers – Sremska Mitrovica", Theme.YOUTH,
						List.of(PARTNERSHIP_ID), LocalDate.of(2020, 9, 1), LocalDate.of(2020, 11, 30),
						List.of(new Funding(FundingSource.FRENCH_MFA, new BigDecimal("15000.00"), CALL_ID),
								new Funding(FundingSource.LOCAL_BUDGET, new BigDecimal("4500"))),
						true),
				new Activity("act-2020-urban-planning-workshop", "Urban planning workshop on the Sava riverbank",
						Theme.URBAN_PLANNING, List.of(PARTNERSHIP_ID), null, null,
						List.of(new Funding(FundingSource.EU_CALL, new BigDecimal("23750.50"))), false));
	}

	public static PlanDrafted planDrafted() {
		return new PlanDrafted(PLAN_ID, 0, 2020, "Joint action plan for decentralized cooperation 2020", parties(),
				planThemes(), activities(), Instant.parse("2020-05-20T08:15:00Z"));
	}

	public static PlanSignatureRecorded planSignatureRecorded() {
		return new PlanSignatureRecorded(PLAN_ID, 1, "AMBAFRANCE-RS", "Jean-Louis Falconi",
				Instant.parse("2020-06-15T09:30:00Z"), Instant.parse("2020-06-15T09:30:00.120Z"));
	}

	public static PlanSigned planSigned() {
		return new PlanSigned(PLAN_ID, 3, 2020, "Joint action plan for decentralized cooperation 2020",
				List.of(new SignedParty("AMBAFRANCE-RS", "Ambassade de France en Serbie", "Jean-Louis Falconi",
						Instant.parse("2020-06-15T09:30:00Z")),
						new SignedParty("SKGO", "Stalna konferencija gradova i opština", "Đorđe Staničić",
								Instant.parse("2020-06-15T09:45:00Z"))),
				planThemes(), activities(), Instant.parse("2020-06-15T09:45:00.300Z"));
	}

	public static ActivityCompleted activityCompleted() {
		return new ActivityCompleted(PLAN_ID, 4, ACTIVITY_ID, "Youth exchange Nevers – Sremska Mitrovica", Theme.YOUTH,
				List.of(PARTNERSHIP_ID), LocalDate.of(2020, 11, 30), List.of("AMBAFRANCE-RS", "SKGO"), true,
				Instant.parse("2020-12-01T11:00:00Z"));
	}

	public static PlanCompleted planCompleted() {
		return new PlanCompleted(PLAN_ID, 6, 2020, "Joint action plan for decentralized cooperation 2020",
				Instant.parse("2020-12-21T12:00:00Z"));
	}

	public static PlanCancelled planCancelled() {
		return new PlanCancelled("plan-2020-draft-duplicate", 1, 2020, "Joint action plan 2020 (duplicate draft)",
				"Drafted twice by mistake", Instant.parse("2020-05-21T07:50:00Z"));
	}

	// --- funding calls, on plan-events

	private static final Set<String> FR_RS = Set.of("FR", "RS");

	public static FundingCallPublished fundingCallPublished() {
		return new FundingCallPublished(CALL_ID, 0, "MEAE-FR-RS-2020",
				"Call for projects: Franco-Serbian decentralized cooperation 2020", FundingSource.FRENCH_MFA,
				Set.of(Theme.YOUTH, Theme.ENVIRONMENT, Theme.URBAN_PLANNING), FR_RS, LocalDate.of(2020, 2, 1),
				LocalDate.of(2020, 6, 30), new BigDecimal("20000.00"), new BigDecimal("0.8"),
				Instant.parse("2020-01-15T10:00:00Z"));
	}

	public static FundingCallClosingSoon fundingCallClosingSoon() {
		FundingCallPublished call = fundingCallPublished();
		return new FundingCallClosingSoon(CALL_ID, 1, call.code(), call.title(), call.funder(), call.themes(), FR_RS,
				call.opensOn(), call.closesOn(), 14, Instant.parse("2020-06-16T00:00:05Z"));
	}

	public static FundingCallClosed fundingCallClosed() {
		FundingCallPublished call = fundingCallPublished();
		return new FundingCallClosed(CALL_ID, 2, call.code(), call.title(), call.funder(), call.themes(), FR_RS,
				call.opensOn(), call.closesOn(), Instant.parse("2020-07-01T00:00:05Z"));
	}

	// --- notification-events

	public static NotificationDeliveryFailed notificationDeliveryFailed() {
		return new NotificationDeliveryFailed(SUBSCRIPTION_ID, "dlv-01", "2f1c8a7e-4b1d-4c55-9a0e-6b7b1f3e9d21",
				EventCatalog.typeOf(PlanSigned.class), Channel.WEBHOOK, "https://hooks.skgo.example/decoop", 8,
				"503 Service Unavailable", Instant.parse("2020-06-16T21:45:00Z"));
	}

}
