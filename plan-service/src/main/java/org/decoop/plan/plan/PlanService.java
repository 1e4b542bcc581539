package org.decoop.plan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.plan.fundingcall.FundingCallLookup;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.plan.partnershipview.PartnershipReadModel;
import org.decoop.plan.partnershipview.PartnershipView;
import org.decoop.plan.plan.domain.Activity;
import org.decoop.plan.plan.domain.ActivityId;
import org.decoop.plan.plan.domain.CallFunding;
import org.decoop.plan.plan.domain.PartnershipNotUsable;
import org.decoop.plan.plan.domain.Party;
import org.decoop.plan.plan.domain.Plan;
import org.decoop.plan.plan.domain.PlanId;
import org.decoop.plan.plan.domain.PlanStatistics;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.domain.Field;
import org.decoop.platform.idempotency.CommandIds;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** Drafts, signs, completes and cancels action plans. */
@Service
class PlanService {

	private final Plans plans;

	private final PartnershipReadModel partnerships;

	private final FundingCallLookup fundingCalls;

	private final Clock clock;

	PlanService(Plans plans, PartnershipReadModel partnerships, FundingCallLookup fundingCalls, Clock clock) {
		this.plans = plans;
		this.partnerships = partnerships;
		this.fundingCalls = fundingCalls;
		this.clock = clock;
	}

	Plan draft(int year, String title, List<Party> parties, List<Theme> themes, List<Activity> activities, Actor by) {
		Map<String, FundingCall> calls = fundingCalls.byIds(CallFunding.callIdsOf(activities));
		LocalDate today = FundingCall.dayOf(clock.instant());
		for (int i = 0; i < activities.size(); i++) {
			Field place = Field.named("activities").at(i);
			Plan.requireMayName(parties, activities.get(i), place,
					partnerCodes(checkPartnerships(activities.get(i), Optional.of(place))), by);
			CallFunding.check(activities.get(i), place, calls, today);
		}
		return plans.add(Plan.draft(CommandIds.newId(PlanId::new), year, title, parties, themes, activities, by,
				clock.instant()));
	}

	Plan get(PlanId id) {
		return plans.get(id);
	}

	Page<Plan> search(Integer year, PlanStatus status, Theme theme, String partnershipId, int page, int size) {
		return plans.search(year, status, theme, partnershipId, page, size);
	}

	/** Every plan the search finds, from a cursor (close the stream). */
	Stream<Plan> all(Integer year, PlanStatus status, Theme theme, String partnershipId) {
		return plans.all(year, status, theme, partnershipId);
	}

	/**
	 * The statistics, with the EUR taken from each funding call keyed by the call's code.
	 */
	PlanStatistics statistics(Integer year) {
		PlanStatistics statistics = plans.statistics(year);
		Map<String, FundingCall> calls = fundingCalls.byIds(statistics.eurByCall().keySet());
		return statistics.withCallsNamed(callId -> calls.containsKey(callId) ? calls.get(callId).code() : callId);
	}

	Plan addActivity(PlanId id, Activity activity, ExpectedVersion expected, Actor by) {
		// no place: the activity is the request's body, its lines are funding[j]
		Map<String, Set<String>> partnerCodes = partnerCodes(checkPartnerships(activity, Optional.empty()));
		CallFunding.check(activity, fundingCalls.byIds(CallFunding.callIdsOf(List.of(activity))),
				FundingCall.dayOf(clock.instant()));
		return plans.change(id, expected, plan -> {
			plan.addActivity(activity, by);
			Plan.requireMayName(plan.parties(), activity, partnerCodes, by);
		});
	}

	private static Map<String, Set<String>> partnerCodes(Map<String, PartnershipView> partnerships) {
		return partnerships.values()
			.stream()
			.collect(Collectors.toMap(PartnershipView::id, PartnershipView::partnerCodes));
	}

	Plan sign(PlanId id, String party, ExpectedVersion expected, Actor by) {
		return plans.change(id, expected,
				plan -> plan.sign(party, by, clock.instant(), fundingCalls.byIds(plan.callIds())));
	}

	Plan completeActivity(PlanId id, ActivityId activityId, ExpectedVersion expected, Actor by) {
		return plans.change(id, expected, plan -> plan.completeActivity(activityId, by, clock.instant()));
	}

	Plan cancel(PlanId id, @Nullable String reason, ExpectedVersion expected, Actor by) {
		return plans.change(id, expected, plan -> plan.cancel(reason, by, clock.instant()));
	}

	/**
	 * Every partnership an activity names must be known here and not ENDED (naming the
	 * partnership within {@code activity}, the activity's place in the command, if it has
	 * one).
	 * @return the partnerships it names, by id
	 */
	private Map<String, PartnershipView> checkPartnerships(Activity activity, Optional<Field> place) {
		List<String> ids = activity.partnershipIds();
		Map<String, PartnershipView> known = partnerships.byIds(ids);
		for (int i = 0; i < ids.size(); i++) {
			PartnershipView partnership = known.get(ids.get(i));
			if (partnership == null || !partnership.acceptsActivities()) {
				Field field = Field.named("partnershipIds").at(i);
				throw new PartnershipNotUsable(place.map(field::within).orElse(field), ids.get(i), partnership != null);
			}
		}
		return known;
	}

}
