package org.decoop.notification.matching;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.decoop.events.EventCatalog;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnerSearchClosed;
import org.decoop.events.partnership.PartnerSearchEvent;
import org.decoop.events.partnership.PartnerSearchOpened;
import org.decoop.events.partnership.PartnershipEnded;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.events.plan.ActivityCompleted;
import org.decoop.events.plan.FundingCallClosed;
import org.decoop.events.plan.FundingCallClosingSoon;
import org.decoop.events.plan.FundingCallEvent;
import org.decoop.events.plan.FundingCallPublished;
import org.decoop.events.plan.PlanCancelled;
import org.decoop.events.plan.PlanCompleted;
import org.decoop.events.plan.PlanDrafted;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSignatureRecorded;
import org.decoop.events.plan.PlanSigned;
import org.decoop.notification.matching.PartnershipReadModel.PartnershipInfo;
import org.decoop.notification.matching.PlanReadModel.PlanInfo;
import org.decoop.notification.subscription.domain.EventFacts;
import org.springframework.stereotype.Component;

/**
 * Says what an event means for subscribers: the facts subscriptions filter on, and one
 * plain sentence a person can read in an inbox or an e-mail.
 */
@Component
class EventInterpreter {

	private final PartnershipReadModel partnerships;

	private final PlanReadModel plans;

	EventInterpreter(PartnershipReadModel partnerships, PlanReadModel plans) {
		this.partnerships = partnerships;
		this.plans = plans;
	}

	record Interpretation(EventFacts facts, String summary) {
	}

	/** The partnerships and themes a plan event concerns. */
	private record PlanScope(Set<String> partnershipIds, Set<Theme> themes) {

		static PlanScope of(Optional<PlanInfo> plan) {
			return new PlanScope(plan.map(PlanInfo::partnershipIds).orElse(Set.of()),
					plan.map(PlanInfo::themes).orElse(Set.of()));
		}
	}

	Interpretation interpret(PartnershipEvent event) {
		EventFacts facts = new EventFacts(EventCatalog.nameOf(event.getClass()), Set.of(event.partnershipId()),
				event.partners().stream().map(PartnershipEvent.Partner::id).collect(Collectors.toSet()),
				event.partners().stream().map(PartnershipEvent.Partner::country).collect(Collectors.toSet()),
				event.themes());
		return new Interpretation(facts,
				describe(event, new PartnershipInfo(event.partnershipId(), event.partners()).name()));
	}

	Interpretation interpret(PlanEvent event) {
		Optional<PlanInfo> known = plans.byId(event.planId());
		// What the event names itself, else what the plan's draft and signing named.
		PlanScope scope = switch (event) {
			case PlanDrafted drafted -> new PlanScope(PlanReadModel.partnershipIdsOf(drafted.activities()),
					PlanReadModel.themesOf(drafted.themes(), drafted.activities()));
			case PlanSigned signed -> new PlanScope(PlanReadModel.partnershipIdsOf(signed.activities()),
					PlanReadModel.themesOf(signed.themes(), signed.activities()));
			case ActivityCompleted completed -> {
				Set<Theme> planAndActivity = new LinkedHashSet<>(known.map(PlanInfo::themes).orElse(Set.of()));
				planAndActivity.add(completed.theme());
				yield new PlanScope(new LinkedHashSet<>(completed.partnershipIds()), planAndActivity);
			}
			case PlanSignatureRecorded recorded -> PlanScope.of(known);
			case PlanCompleted completed -> PlanScope.of(known);
			case PlanCancelled cancelled -> PlanScope.of(known);
		};
		Set<String> partnershipIds = scope.partnershipIds();
		Set<Theme> themes = scope.themes();
		Map<String, PartnershipInfo> involved = partnerships.byIds(partnershipIds);
		List<PartnershipEvent.Partner> partners = involved.values()
			.stream()
			.flatMap(p -> p.partners().stream())
			.toList();
		EventFacts facts = new EventFacts(EventCatalog.nameOf(event.getClass()), partnershipIds,
				partners.stream().map(PartnershipEvent.Partner::id).collect(Collectors.toSet()),
				partners.stream().map(PartnershipEvent.Partner::country).collect(Collectors.toSet()), themes);
		return new Interpretation(facts, describe(event, known.map(PlanInfo::title), involved.values()));
	}

	/**
	 * A search concerns its author, the author's country and the countries where it
	 * looks, so that a subscription filtered by RS hears of Serbian searchers and one
	 * filtered by FR of searches that want a French partner.
	 */
	Interpretation interpret(PartnerSearchEvent event) {
		Set<String> countries = new LinkedHashSet<>(event.countries());
		countries.add(event.localAuthority().country());
		Set<String> partnershipIds = event instanceof PartnerSearchClosed closed && closed.partnershipId() != null
				? Set.of(closed.partnershipId()) : Set.of();
		EventFacts facts = new EventFacts(EventCatalog.nameOf(event.getClass()), partnershipIds,
				Set.of(event.localAuthority().id()), countries, event.themes());
		return new Interpretation(facts, describe(event));
	}

	/**
	 * A call concerns its eligible countries and its themes; no partnership nor authority
	 * yet.
	 */
	Interpretation interpret(FundingCallEvent event) {
		EventFacts facts = new EventFacts(EventCatalog.nameOf(event.getClass()), Set.of(), Set.of(),
				event.eligibleCountries(), event.themes());
		return new Interpretation(facts, describe(event));
	}

	private static String describe(PartnerSearchEvent event) {
		String who = "%s (%s)".formatted(event.localAuthority().name(), event.localAuthority().country());
		return switch (event) {
			case PartnerSearchOpened opened ->
				"%s is looking for partners in %s on %s, until %s: %s".formatted(who, listed(opened.countries()),
						listed(opened.themes()), opened.openUntil(), sentence(opened.description()));
			case PartnerSearchClosed closed when closed.expired() ->
				"The partner search of %s closed by itself after %s.".formatted(who, closed.openUntil());
			case PartnerSearchClosed closed ->
				"The partner search of %s is closed: %s".formatted(who, sentence(closed.reason()));
		};
	}

	private static String describe(FundingCallEvent event) {
		String call = "\"%s\" (%s, %s)".formatted(event.title(), event.code(), event.funder());
		return switch (event) {
			case FundingCallPublished published -> ("The funding call %s is published: open from %s to %s, on %s, for"
					+ " local authorities of %s; up to %s EUR per funding line and %s%% of an activity.")
				.formatted(call, published.opensOn(), published.closesOn(), listed(published.themes()),
						listed(published.eligibleCountries()), published.maxGrantEur().toPlainString(),
						published.maxCoFinancingRate().movePointRight(2).stripTrailingZeros().toPlainString());
			case FundingCallClosingSoon soon ->
				"The funding call %s closes in %d days, on %s.".formatted(call, soon.daysLeft(), soon.closesOn());
			case FundingCallClosed closed -> "The funding call %s closed on %s.".formatted(call, closed.closesOn());
		};
	}

	private static String listed(Collection<?> values) {
		return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
	}

	private static String describe(PartnershipEvent event, String name) {
		return switch (event) {
			case PartnershipEstablished established -> "The partnership %s was established.".formatted(name);
			case PartnershipWentDormant dormant ->
				"The partnership %s went dormant: %s".formatted(name, sentence(dormant.reason()));
			case PartnershipReactivated reactivated ->
				"The partnership %s is active again: %s%s".formatted(name, sentence(reactivated.reason()),
						reactivated.planId() == null ? "" : " (action plan " + reactivated.planId() + ")");
			case PartnershipEnded ended -> "The partnership %s has ended: %s".formatted(name, sentence(ended.reason()));
		};
	}

	private static String describe(PlanEvent event, Optional<String> knownTitle,
			Collection<PartnershipInfo> partnerships) {
		String involving = partnerships.isEmpty() ? "" : " It involves "
				+ partnerships.stream().map(PartnershipInfo::name).collect(Collectors.joining(", ")) + ".";
		return switch (event) {
			case PlanDrafted drafted ->
				"The action plan \"%s\" (%d) was drafted between %s.%s".formatted(drafted.title(), drafted.year(),
						drafted.parties().stream().map(PlanEvent.Party::name).collect(Collectors.joining(" and ")),
						involving);
			case PlanSignatureRecorded recorded -> "%s signed the action plan %s (signed by %s)."
				.formatted(recorded.party(), quoted(knownTitle, recorded.planId()), recorded.signedBy());
			case PlanSigned signed -> {
				BigDecimal total = signed.activities()
					.stream()
					.flatMap(a -> a.funding().stream())
					.map(PlanEvent.Funding::amountEur)
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				yield "The action plan \"%s\" (%d) is signed by all its parties: %d activities, %s EUR.%s".formatted(
						signed.title(), signed.year(), signed.activities().size(), total.toPlainString(), involving);
			}
			case ActivityCompleted completed -> "The activity \"%s\" of the action plan %s was completed on %s."
				.formatted(completed.title(), quoted(knownTitle, completed.planId()), completed.completedOn());
			case PlanCompleted completed ->
				"The action plan \"%s\" (%d) is completed.".formatted(completed.title(), completed.year());
			case PlanCancelled cancelled -> "The action plan \"%s\" (%d) was cancelled%s".formatted(cancelled.title(),
					cancelled.year(), cancelled.reason() == null ? "." : ": " + sentence(cancelled.reason()));
		};
	}

	/** The plan's title when it is known, else its id. */
	private static String quoted(Optional<String> title, String planId) {
		return title.map(known -> "\"" + known + "\"").orElse(planId);
	}

	private static String sentence(String text) {
		String trimmed = text == null ? "" : text.strip();
		return trimmed.endsWith(".") ? trimmed : trimmed + ".";
	}

}
