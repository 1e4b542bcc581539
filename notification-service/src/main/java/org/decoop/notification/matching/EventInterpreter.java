package org.decoop.notification.matching;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.decoop.events.DecoopEvent;
import org.decoop.events.EventCatalog;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEnded;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.events.plan.ActivityCompleted;
import org.decoop.events.plan.PlanCancelled;
import org.decoop.events.plan.PlanCompleted;
import org.decoop.events.plan.PlanDrafted;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSignatureRecorded;
import org.decoop.events.plan.PlanSigned;
import org.decoop.notification.matching.PartnershipDirectory.PartnershipInfo;
import org.decoop.notification.matching.PlanDirectory.PlanInfo;
import org.decoop.notification.subscription.domain.EventFacts;
import org.springframework.stereotype.Component;

/**
 * Says what an event means for subscribers: the facts subscriptions filter on, and one plain
 * sentence a person can read in an inbox or an e-mail.
 */
@Component
class EventInterpreter {

    private final PartnershipDirectory partnerships;
    private final PlanDirectory plans;

    EventInterpreter(PartnershipDirectory partnerships, PlanDirectory plans) {
        this.partnerships = partnerships;
        this.plans = plans;
    }

    record Interpretation(EventFacts facts, String summary) {
    }

    Interpretation interpret(DecoopEvent event) {
        String name = EventCatalog.nameOf(event.getClass());
        if (event instanceof PartnershipEvent partnership) {
            EventFacts facts = new EventFacts(name, Set.of(partnership.partnershipId()),
                    partnership.partners().stream().map(PartnershipEvent.Partner::id).collect(Collectors.toSet()),
                    partnership.partners().stream().map(PartnershipEvent.Partner::country).collect(Collectors.toSet()),
                    partnership.themes());
            return new Interpretation(facts, describe(partnership, new PartnershipInfo(partnership.partnershipId(),
                    partnership.partners()).name()));
        }
        PlanEvent plan = (PlanEvent) event;
        Optional<PlanInfo> known = plans.byId(plan.planId());
        Set<String> partnershipIds;
        Set<Theme> themes;
        if (plan instanceof PlanDrafted drafted) {
            partnershipIds = PlanDirectory.partnershipIdsOf(drafted.activities());
            themes = PlanDirectory.themesOf(drafted.themes(), drafted.activities());
        }
        else if (plan instanceof PlanSigned signed) {
            partnershipIds = PlanDirectory.partnershipIdsOf(signed.activities());
            themes = PlanDirectory.themesOf(signed.themes(), signed.activities());
        }
        else if (plan instanceof ActivityCompleted completed) {
            partnershipIds = new LinkedHashSet<>(completed.partnershipIds());
            themes = new LinkedHashSet<>(known.map(PlanInfo::themes).orElse(Set.of()));
            themes.add(completed.theme());
        }
        else {
            partnershipIds = known.map(PlanInfo::partnershipIds).orElse(Set.of());
            themes = known.map(PlanInfo::themes).orElse(Set.of());
        }
        Map<String, PartnershipInfo> involved = partnerships.byIds(partnershipIds);
        List<PartnershipEvent.Partner> partners = involved.values().stream().flatMap(p -> p.partners().stream()).toList();
        EventFacts facts = new EventFacts(name, partnershipIds,
                partners.stream().map(PartnershipEvent.Partner::id).collect(Collectors.toSet()),
                partners.stream().map(PartnershipEvent.Partner::country).collect(Collectors.toSet()),
                themes);
        String title = known.map(PlanInfo::title).orElse(null);
        return new Interpretation(facts, describe(plan, title, involved.values()));
    }

    private static String describe(PartnershipEvent event, String name) {
        if (event instanceof PartnershipEstablished) {
            return "The partnership %s was established.".formatted(name);
        }
        if (event instanceof PartnershipWentDormant dormant) {
            return "The partnership %s went dormant: %s".formatted(name, sentence(dormant.reason()));
        }
        if (event instanceof PartnershipReactivated reactivated) {
            return "The partnership %s is active again: %s%s".formatted(name, sentence(reactivated.reason()),
                    reactivated.planId() == null ? "" : " (action plan " + reactivated.planId() + ")");
        }
        PartnershipEnded ended = (PartnershipEnded) event;
        return "The partnership %s has ended: %s".formatted(name, sentence(ended.reason()));
    }

    private static String describe(PlanEvent event, String knownTitle, Collection<PartnershipInfo> partnerships) {
        String involving = partnerships.isEmpty() ? ""
                : " It involves " + partnerships.stream().map(PartnershipInfo::name).collect(Collectors.joining(", ")) + ".";
        if (event instanceof PlanDrafted drafted) {
            return "The action plan \"%s\" (%d) was drafted between %s.%s".formatted(drafted.title(), drafted.year(),
                    drafted.parties().stream().map(PlanEvent.Party::name).collect(Collectors.joining(" and ")), involving);
        }
        if (event instanceof PlanSignatureRecorded recorded) {
            return "%s signed the action plan %s (signed by %s).".formatted(recorded.party(), quoted(knownTitle, recorded.planId()),
                    recorded.signedBy());
        }
        if (event instanceof PlanSigned signed) {
            BigDecimal total = signed.activities().stream().flatMap(a -> a.funding().stream())
                    .map(PlanEvent.Funding::amountEur).reduce(BigDecimal.ZERO, BigDecimal::add);
            return "The action plan \"%s\" (%d) is signed by all its parties: %d activities, %s EUR.%s".formatted(
                    signed.title(), signed.year(), signed.activities().size(), total.toPlainString(), involving);
        }
        if (event instanceof ActivityCompleted completed) {
            return "The activity \"%s\" of the action plan %s was completed on %s.".formatted(completed.title(),
                    quoted(knownTitle, completed.planId()), completed.completedOn());
        }
        if (event instanceof PlanCompleted completed) {
            return "The action plan \"%s\" (%d) is completed.".formatted(completed.title(), completed.year());
        }
        PlanCancelled cancelled = (PlanCancelled) event;
        return "The action plan \"%s\" (%d) was cancelled%s".formatted(cancelled.title(), cancelled.year(),
                cancelled.reason() == null ? "." : ": " + sentence(cancelled.reason()));
    }

    private static String quoted(String title, String planId) {
        return title == null ? planId : "\"" + title + "\"";
    }

    private static String sentence(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
