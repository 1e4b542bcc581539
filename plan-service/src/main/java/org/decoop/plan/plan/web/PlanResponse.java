package org.decoop.plan.plan.web;

import java.util.List;
import java.util.Set;

import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.plan.plan.domain.Plan;
import org.decoop.plan.plan.domain.Signature;
import org.jspecify.annotations.Nullable;

public record PlanResponse(String id, long version, int year, String title, PlanStatus status,
		List<PartyResponse> parties, Set<Theme> themes, List<ActivityResponse> activities, Totals totals,
		@Nullable String cancellationReason) {

	/**
	 * @param showSignerIds whether the reader is signed in: a Keycloak subject is not
	 * open data
	 */
	public static PlanResponse of(Plan plan, boolean showSignerIds) {
		return new PlanResponse(plan.id().value(), plan.version(), plan.year(), plan.title(), plan.status(),
				plan.parties().stream().map(party -> {
					Signature signature = plan.signatures()
						.stream()
						.filter(s -> s.party().equals(party.code()))
						.findFirst()
						.orElse(null);
					return new PartyResponse(party.code(), party.name(),
							signature == null ? null : signature.signedBy(),
							signature == null || !showSignerIds ? null : signature.signerId(),
							signature == null ? null : signature.signedAt());
				}).toList(), plan.themes(), plan.activities().stream().map(ActivityResponse::of).toList(),
				new Totals(plan.totalEur(), plan.fundingBySource(), plan.fundingByTheme()), plan.cancellationReason());
	}
}
