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
import org.decoop.notification.notification.domain.Summary;
import org.decoop.notification.notification.domain.Summary.Argument;
import org.decoop.notification.subscription.domain.EventFacts;
import org.springframework.stereotype.Component;

/**
 * Says what an event means for subscribers: the facts subscriptions filter on, and what
 * to tell a person about it, as a message key and its arguments ({@link Summary}) that
 * each reader gets in their own language.
 */
@Component
class EventInterpreter {

	private final PartnershipReadModel partnerships;

	private final PlanReadModel plans;

	EventInterpreter(PartnershipReadModel partnerships, PlanReadModel plans) {
		this.partnerships = partnerships;
		this.plans = plans;
	}

	record Interpretation(EventFacts facts, Summary summary) {
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
		return new Interpretation(facts, describe(event,
				new PartnershipInfo(event.partnershipId(), event.partners()).name(), signedPlan(event)));
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

	private static Summary describe(PartnerSearchEvent event) {
		Argument who = Argument.name(event.localAuthority().name());
		Argument country = Argument.text(event.localAuthority().country());
		return switch (event) {
			case PartnerSearchOpened opened -> Summary.of("notification.summary.PartnerSearchOpened", who, country,
					Argument.countries(opened.countries()), Argument.themes(opened.themes()),
					Argument.date(opened.openUntil()), Argument.text(sentence(opened.description())));
			case PartnerSearchClosed closed when closed.expired() ->
				Summary.of("notification.summary.PartnerSearchClosed.expired", who, country,
						Argument.date(closed.openUntil()));
			case PartnerSearchClosed closed -> Summary.of("notification.summary.PartnerSearchClosed", who, country,
					Argument.text(sentence(closed.reason())));
		};
	}

	private static Summary describe(FundingCallEvent event) {
		Argument title = Argument.text(event.title());
		Argument code = Argument.text(event.code());
		Argument funder = Argument.funder(event.funder());
		return switch (event) {
			case FundingCallPublished published -> Summary.of("notification.summary.FundingCallPublished", title, code,
					funder, Argument.date(published.opensOn()), Argument.date(published.closesOn()),
					Argument.themes(published.themes()), Argument.countries(published.eligibleCountries()),
					Argument.amountEur(published.maxGrantEur()), Argument.percent(published.maxCoFinancingRate()));
			case FundingCallClosingSoon soon -> Summary.of("notification.summary.FundingCallClosingSoon", title, code,
					funder, Argument.number(soon.daysLeft()), Argument.date(soon.closesOn()));
			case FundingCallClosed closed -> Summary.of("notification.summary.FundingCallClosed", title, code, funder,
					Argument.date(closed.closesOn()));
		};
	}

	/**
	 * The plan whose signing reactivated a partnership, as this service knows it: the
	 * event's reason is partnership-service's English sentence, so a summary says the
	 * plan's title and year in the reader's language instead (the plan's events, on
	 * another topic, may not have arrived yet: then its id).
	 */
	private Optional<PlanInfo> signedPlan(PartnershipEvent event) {
		return event instanceof PartnershipReactivated reactivated && reactivated.planId() != null
				? plans.byId(reactivated.planId()) : Optional.empty();
	}

	private static Summary describe(PartnershipEvent event, String name, Optional<PlanInfo> signedPlan) {
		Argument partnership = Argument.name(name);
		return switch (event) {
			case PartnershipEstablished established ->
				Summary.of("notification.summary.PartnershipEstablished", partnership);
			case PartnershipWentDormant dormant -> Summary.of("notification.summary.PartnershipWentDormant",
					partnership, Argument.text(sentence(dormant.reason())));
			case PartnershipReactivated reactivated when signedPlan.isPresent() ->
				Summary.of("notification.summary.PartnershipReactivated.plan", partnership,
						Argument.text(signedPlan.get().title()), Argument.year(signedPlan.get().year()));
			case PartnershipReactivated reactivated when reactivated.planId() != null ->
				Summary.of("notification.summary.PartnershipReactivated.plan-id", partnership,
						Argument.text(reactivated.planId()));
			case PartnershipReactivated reactivated -> Summary.of("notification.summary.PartnershipReactivated",
					partnership, Argument.text(sentence(reactivated.reason())));
			case PartnershipEnded ended -> Summary.of("notification.summary.PartnershipEnded", partnership,
					Argument.text(sentence(ended.reason())));
		};
	}

	/**
	 * A plan event's summary; those that name the plan's partnerships have a second key
	 * that lists them ({@code .involving}, its last argument).
	 */
	private static Summary describe(PlanEvent event, Optional<String> knownTitle,
			Collection<PartnershipInfo> partnerships) {
		Argument involving = Argument.names(partnerships.stream().map(PartnershipInfo::name).toList());
		boolean involves = !partnerships.isEmpty();
		return switch (event) {
			case PlanDrafted drafted -> {
				Argument title = Argument.text(drafted.title());
				Argument year = Argument.year(drafted.year());
				Argument parties = Argument.names(drafted.parties().stream().map(PlanEvent.Party::name).toList());
				yield involves
						? Summary.of("notification.summary.PlanDrafted.involving", title, year, parties, involving)
						: Summary.of("notification.summary.PlanDrafted", title, year, parties);
			}
			case PlanSignatureRecorded recorded ->
				Summary.of("notification.summary.PlanSignatureRecorded", Argument.text(recorded.party()),
						Argument.text(knownTitle.orElse(recorded.planId())), Argument.name(recorded.signedBy()));
			case PlanSigned signed -> {
				BigDecimal total = signed.activities()
					.stream()
					.flatMap(a -> a.funding().stream())
					.map(PlanEvent.Funding::amountEur)
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				Argument title = Argument.text(signed.title());
				Argument year = Argument.year(signed.year());
				Argument activities = Argument.number(signed.activities().size());
				Argument amount = Argument.amountEur(total);
				yield involves
						? Summary.of("notification.summary.PlanSigned.involving", title, year, activities, amount,
								involving)
						: Summary.of("notification.summary.PlanSigned", title, year, activities, amount);
			}
			case ActivityCompleted completed ->
				Summary.of("notification.summary.ActivityCompleted", Argument.text(completed.title()),
						Argument.text(knownTitle.orElse(completed.planId())), Argument.date(completed.completedOn()));
			case PlanCompleted completed -> Summary.of("notification.summary.PlanCompleted",
					Argument.text(completed.title()), Argument.year(completed.year()));
			case PlanCancelled cancelled when cancelled.reason() != null ->
				Summary.of("notification.summary.PlanCancelled.reason", Argument.text(cancelled.title()),
						Argument.year(cancelled.year()), Argument.text(sentence(cancelled.reason())));
			case PlanCancelled cancelled -> Summary.of("notification.summary.PlanCancelled",
					Argument.text(cancelled.title()), Argument.year(cancelled.year()));
		};
	}

	/** Free text ends with a full stop, whatever language it is in. */
	private static String sentence(String text) {
		String trimmed = text == null ? "" : text.strip();
		return trimmed.endsWith(".") ? trimmed : trimmed + ".";
	}

}
