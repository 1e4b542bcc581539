package org.decoop.plan.plan;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.plan.partnershipview.PartnershipView;
import org.decoop.plan.partnershipview.PartnershipViews;
import org.decoop.plan.plan.domain.Activity;
import org.decoop.plan.plan.domain.ActivityId;
import org.decoop.plan.plan.domain.Party;
import org.decoop.plan.plan.domain.Plan;
import org.decoop.plan.plan.domain.PlanId;
import org.decoop.platform.errors.NotFoundException;
import org.decoop.platform.errors.UnprocessableException;
import org.decoop.platform.web.ConditionalChanges;
import org.decoop.platform.web.ETags;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** Drafts, signs, completes and cancels action plans. */
@Service
class PlanService {

    private final Plans plans;
    private final PartnershipViews partnerships;
    private final Clock clock;

    PlanService(Plans plans, PartnershipViews partnerships, Clock clock) {
        this.plans = plans;
        this.partnerships = partnerships;
        this.clock = clock;
    }

    /** A requested activity, with the request field it came from ({@code activities[0].}, or empty) for error messages. */
    record NewActivity(Activity activity, String field) {
    }

    Plan draft(int year, String title, List<Party> parties, List<Theme> themes, List<NewActivity> activities) {
        activities.forEach(this::checkPartnerships);
        Plan plan = Plan.draft(PlanId.newId(), year, title, parties, themes,
                activities.stream().map(NewActivity::activity).toList(), clock.instant());
        plans.add(plan);
        return plan;
    }

    Plan get(PlanId id) {
        return plans.byId(id).orElseThrow(() -> new NotFoundException("Plan", id.value()));
    }

    Page<Plan> search(Integer year, PlanStatus status, Theme theme, String partnershipId, int page, int size) {
        return plans.search(year, status, theme, partnershipId, page, size);
    }

    Plans.PlanStatistics statistics(Integer year) {
        return plans.statistics(year);
    }

    Plan addActivity(PlanId id, NewActivity activity, String ifMatch) {
        checkPartnerships(activity);
        return change(id, ifMatch, plan -> plan.addActivity(activity.activity()));
    }

    Plan sign(PlanId id, String party, String signedBy, String ifMatch) {
        return change(id, ifMatch, plan -> plan.sign(party, signedBy, clock.instant()));
    }

    Plan completeActivity(PlanId id, ActivityId activityId, String ifMatch) {
        return change(id, ifMatch, plan -> plan.completeActivity(activityId, clock.instant()));
    }

    Plan cancel(PlanId id, String reason, String ifMatch) {
        return change(id, ifMatch, plan -> plan.cancel(reason, clock.instant()));
    }

    /** Every partnership an activity names must be known here and not ENDED (422 naming the id). */
    private void checkPartnerships(NewActivity request) {
        List<String> ids = request.activity().partnershipIds();
        Map<String, PartnershipView> known = partnerships.byIds(ids);
        for (int i = 0; i < ids.size(); i++) {
            PartnershipView partnership = known.get(ids.get(i));
            String field = request.field() + "partnershipIds[%d]".formatted(i);
            if (partnership == null) {
                throw new UnprocessableException(field, "partnership %s is not known".formatted(ids.get(i)));
            }
            if (!partnership.acceptsActivities()) {
                throw new UnprocessableException(field, "partnership %s has ENDED".formatted(ids.get(i)));
            }
        }
    }

    /** Reads, changes and saves one plan, under If-Match or with a bounded retry (see {@link ConditionalChanges}). */
    private Plan change(PlanId id, String ifMatch, Consumer<Plan> command) {
        return ConditionalChanges.run(ifMatch, () -> {
            Plan plan = get(id);
            long readVersion = plan.version();
            ETags.checkIfMatch(ifMatch, readVersion);
            command.accept(plan);
            plans.save(plan, readVersion);
            return plan;
        });
    }
}
