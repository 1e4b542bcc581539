package org.decoop.partnership.partnership;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
