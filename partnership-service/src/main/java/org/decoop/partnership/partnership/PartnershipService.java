package org.decoop.partnership.partnership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.decoop.events.Country;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.LocalAuthorities;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Coordinator;
import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.platform.errors.NotFoundException;
import org.decoop.platform.errors.UnprocessableException;
import org.decoop.platform.web.ConditionalChanges;
import org.decoop.platform.web.ETags;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** Establishes partnerships and moves them through their lifecycle. */
@Service
class PartnershipService {

    private final Partnerships partnerships;
    private final LocalAuthorities localAuthorities;
    private final Clock clock;

    PartnershipService(Partnerships partnerships, LocalAuthorities localAuthorities, Clock clock) {
        this.partnerships = partnerships;
        this.localAuthorities = localAuthorities;
        this.clock = clock;
    }

    Partnership establish(List<String> partnerIds, Integer since, List<Theme> themes, Coordinator coordinator) {
        List<LocalAuthorityId> ids = partnerIds.stream().map(LocalAuthorityId::new).toList();
        Map<LocalAuthorityId, LocalAuthority> known = localAuthorities.byIds(ids);
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            LocalAuthority authority = known.get(ids.get(i));
            if (authority == null) {
                throw new UnprocessableException("partnerIds[%d]".formatted(i),
                        "local authority %s does not exist".formatted(ids.get(i)));
            }
            partners.add(new Partner(authority.id(), authority.name(), authority.country()));
        }
        Partnership partnership = Partnership.establish(PartnershipId.newId(), partners, since,
                themes == null ? List.of() : themes, coordinator, clock.instant());
        partnerships.add(partnership);
        return partnership;
    }

    Page<Partnership> search(PartnershipStatus status, Country country, Theme theme, LocalAuthorityId localAuthorityId,
            int page, int size) {
        return partnerships.search(status, country, theme, localAuthorityId, page, size);
    }

    Partnership get(PartnershipId id) {
        return partnerships.byId(id).orElseThrow(() -> new NotFoundException("Partnership", id.value()));
    }

    Partnership putToDormancy(PartnershipId id, String reason, String ifMatch) {
        return change(id, ifMatch, partnership -> partnership.goDormant(reason, clock.instant()));
    }

    Partnership reactivate(PartnershipId id, String reason, String ifMatch) {
        return change(id, ifMatch, partnership -> partnership.reactivate(reason, null, clock.instant()));
    }

    Partnership terminate(PartnershipId id, String reason, String ifMatch) {
        return change(id, ifMatch, partnership -> partnership.terminate(reason, clock.instant()));
    }

    /**
     * A signed plan names the partnership: a DORMANT one becomes ACTIVE again, naming the plan; an
     * ACTIVE one counts it as activity. Unknown or ENDED partnerships are left alone.
     */
    void planSigned(PartnershipId id, String planId, String planTitle, int year, LocalDate signedOn) {
        changeIfKnown(id, partnership -> {
            if (partnership.status() == PartnershipStatus.DORMANT) {
                partnership.reactivate("Action plan \"%s\" (%d) was signed".formatted(planTitle, year), planId, clock.instant());
                return true;
            }
            return partnership.recordActivity(signedOn);
        });
    }

    /** An activity of a plan naming the partnership was completed. */
    void activityCompleted(PartnershipId id, LocalDate completedOn) {
        changeIfKnown(id, partnership -> partnership.recordActivity(completedOn));
    }

    /**
     * Puts to dormancy the ACTIVE partnerships without activity since before {@code cutoff};
     * {@code reason} is a template for the last activity date. Returns how many went dormant.
     */
    int putInactiveToDormancy(LocalDate cutoff, String reason) {
        int changed = 0;
        for (Partnership candidate : partnerships.activeWithoutActivitySince(cutoff, 500)) {
            // Conditional on the version read: a second replica running the same job at once, or a
            // concurrent change, makes this a no-op instead of a second transition.
            try {
                if (candidate.inactiveSince(cutoff)) {
                    long readVersion = candidate.version();
                    candidate.goDormant(reason.formatted(candidate.lastActivityOn()), clock.instant());
                    partnerships.save(candidate, readVersion);
                    changed++;
                }
            }
            catch (OptimisticLockingFailureException changedMeanwhile) {
                // someone else changed it: it is no longer a candidate of this run
            }
        }
        return changed;
    }

    private void changeIfKnown(PartnershipId id, Predicate<Partnership> command) {
        ConditionalChanges.run(null, () -> {
            partnerships.byId(id).ifPresent(partnership -> {
                long readVersion = partnership.version();
                if (command.test(partnership)) {
                    partnerships.save(partnership, readVersion);
                }
            });
            return null;
        });
    }

    /** Reads, changes and saves one partnership, under If-Match or with a bounded retry (see {@link ConditionalChanges}). */
    private Partnership change(PartnershipId id, String ifMatch, Consumer<Partnership> command) {
        return ConditionalChanges.run(ifMatch, () -> {
            Partnership partnership = get(id);
            long readVersion = partnership.version();
            ETags.checkIfMatch(ifMatch, readVersion);
            command.accept(partnership);
            partnerships.save(partnership, readVersion);
            return partnership;
        });
    }
}
