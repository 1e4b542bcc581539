package org.decoop.partnership.partnership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.decoop.events.Country;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.LocalAuthorities;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Coordinator;
import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.PartnerUnknown;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.partnership.partnership.domain.PartnershipStatistics;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.idempotency.CommandIds;
import org.decoop.platform.security.Callers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.jspecify.annotations.Nullable;

/** Establishes partnerships and moves them through their lifecycle. */
@Service
class PartnershipService {

	private static final Logger log = LoggerFactory.getLogger(PartnershipService.class);

	private final Partnerships partnerships;

	private final LocalAuthorities localAuthorities;

	private final Clock clock;

	private final Callers callers;

	PartnershipService(Partnerships partnerships, LocalAuthorities localAuthorities, Clock clock, Callers callers) {
		this.partnerships = partnerships;
		this.localAuthorities = localAuthorities;
		this.clock = clock;
		this.callers = callers;
	}

	Partnership establish(List<String> partnerIds, @Nullable Integer since, @Nullable List<Theme> themes,
			@Nullable Coordinator coordinator, Actor by) {
		List<LocalAuthorityId> ids = partnerIds.stream().map(LocalAuthorityId::new).toList();
		Map<LocalAuthorityId, LocalAuthority> known = localAuthorities.byIds(ids);
		List<Partner> partners = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			LocalAuthority authority = known.get(ids.get(i));
			if (authority == null) {
				throw new PartnerUnknown(i, ids.get(i).value());
			}
			partners.add(new Partner(authority.id(), authority.code(), authority.name(), authority.country(),
					authority.coordinates()));
		}
		return partnerships.add(Partnership.establish(CommandIds.newId(PartnershipId::new), partners, since,
				themes == null ? List.of() : themes, coordinator, by, clock.instant()));
	}

	/** Every partnership the search finds, from a cursor (close the stream). */
	Stream<Partnership> all(@Nullable PartnershipStatus status, @Nullable Country country, @Nullable Theme theme,
			@Nullable LocalAuthorityId localAuthorityId) {
		return partnerships.all(status, country, theme, localAuthorityId);
	}

	Page<Partnership> search(@Nullable PartnershipStatus status, @Nullable Country country, @Nullable Theme theme,
			@Nullable LocalAuthorityId localAuthorityId, int page, int size) {
		return partnerships.search(status, country, theme, localAuthorityId, page, size);
	}

	PartnershipStatistics statistics(@Nullable Integer year) {
		return partnerships.statistics(year);
	}

	Partnership get(PartnershipId id) {
		return partnerships.get(id);
	}

	Partnership putToDormancy(PartnershipId id, String reason, ExpectedVersion expected, Actor by) {
		return partnerships.change(id, expected, partnership -> partnership.goDormant(reason, by, clock.instant()));
	}

	Partnership reactivate(PartnershipId id, String reason, ExpectedVersion expected, Actor by) {
		return partnerships.change(id, expected,
				partnership -> partnership.reactivate(reason, null, by, clock.instant()));
	}

	Partnership terminate(PartnershipId id, String reason, ExpectedVersion expected, Actor by) {
		return partnerships.change(id, expected, partnership -> partnership.terminate(reason, by, clock.instant()));
	}

	/**
	 * A signed plan names the partnership (the partnership decides what that means);
	 * unknown ones are left alone, and so are those the plan may not name (logged, never
	 * parked).
	 */
	void planSigned(PartnershipId id, String planId, String planTitle, int year, LocalDate signedOn, PlanParties plan) {
		partnerships.changeIfExists(id, partnership -> {
			if (plan.mayName(partnership, "PlanSigned")) {
				partnership.planSigned(planId, planTitle, year, signedOn, callers.system(), clock.instant());
			}
		});
	}

	/**
	 * An activity of a plan naming the partnership was completed; ignored (logged) if the
	 * plan may not name it.
	 */
	void activityCompleted(PartnershipId id, LocalDate completedOn, PlanParties plan) {
		partnerships.changeIfExists(id, partnership -> {
			if (plan.mayName(partnership, "ActivityCompleted")) {
				partnership.recordActivity(completedOn);
			}
		});
	}

	/**
	 * Who is behind a plan event: the plan's party codes, and whether a steward vouched
	 * for the activity. Events from before these were carried have neither, and name no
	 * partnership.
	 */
	record PlanParties(String planId, Collection<String> partyCodes, boolean vouchedBySteward) {

		PlanParties {
			partyCodes = Set.copyOf(partyCodes);
		}

		boolean mayName(Partnership partnership, String event) {
			if (partnership.mayBeNamedByPlanOf(partyCodes, vouchedBySteward)) {
				return true;
			}
			log.warn(
					"Ignoring {} of plan {} for partnership {}: none of its parties {} is one of its partners, and no steward vouched",
					event, planId, partnership.id(), partyCodes);
			return false;
		}
	}

	/**
	 * Puts to dormancy the ACTIVE partnerships without activity for longer than
	 * {@code period}; returns how many.
	 */
	int putInactiveToDormancy(Period period) {
		LocalDate cutoff = Partnership.inactivityCutoff(period, clock.instant());
		int changed = 0;
		for (Partnership candidate : partnerships.activeWithoutActivitySince(cutoff, 500)) {
			// Conditional on the version read: a second replica running the same job at
			// once, or a
			// concurrent change, makes this a no-op instead of a second transition.
			try {
				if (candidate.goDormantForInactivity(period, callers.system(), clock.instant())) {
					partnerships.save(candidate);
					changed++;
				}
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				// someone else changed it: it is no longer a candidate of this run
			}
		}
		return changed;
	}

}
