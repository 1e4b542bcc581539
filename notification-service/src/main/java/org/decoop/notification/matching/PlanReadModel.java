package org.decoop.notification.matching;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.decoop.events.Theme;
import org.decoop.events.plan.ActivityCompleted;
import org.decoop.events.plan.PlanCancelled;
import org.decoop.events.plan.PlanCompleted;
import org.decoop.events.plan.PlanDrafted;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSignatureRecorded;
import org.decoop.events.plan.PlanSigned;
import org.decoop.platform.readmodel.ReadModelPointers;
import org.decoop.platform.readmodel.VersionedReadModel;
import org.decoop.platform.readmodel.VersionedReadModels;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * notification-service's read model of plans: title, year, the partnerships of their
 * activities and their themes, from the events that carry a plan's whole content
 * (PlanDrafted, PlanSigned), so that the events that do not (a signature, a cancellation)
 * can still be matched.
 */
@Component
class PlanReadModel {

	static final String COLLECTION = "plan_views";

	private final VersionedReadModel versions;

	PlanReadModel(VersionedReadModels readModels, ReadModelPointers pointers) {
		this.versions = readModels.following(pointers, COLLECTION);
	}

	record PlanInfo(String id, String title, int year, Set<String> partnershipIds, Set<Theme> themes) {
	}

	void apply(PlanEvent event) {
		apply(event, versions);
	}

	/** ... to {@code into}: the live collection, or the one a rebuild fills. */
	static void apply(PlanEvent event, VersionedReadModel into) {
		switch (event) {
			case PlanDrafted drafted -> store(into, drafted.planId(), drafted.version(), drafted.title(),
					drafted.year(), drafted.activities(), drafted.themes());
			case PlanSigned signed -> store(into, signed.planId(), signed.version(), signed.title(), signed.year(),
					signed.activities(), signed.themes());
			// These carry no new content: what a plan names was fixed by its draft and
			// frozen by its signing.
			case PlanSignatureRecorded recorded -> {
			}
			case ActivityCompleted completed -> {
			}
			case PlanCompleted completed -> {
			}
			case PlanCancelled cancelled -> {
			}
		}
	}

	Optional<PlanInfo> byId(String planId) {
		return versions.byId(planId)
			.map(document -> new PlanInfo(planId, document.getString("title"), document.getInteger("year"),
					new LinkedHashSet<>(document.getList("partnershipIds", String.class)),
					document.getList("themes", String.class)
						.stream()
						.map(Theme::valueOf)
						.collect(Collectors.toCollection(LinkedHashSet::new))));
	}

	/** The partnerships of a plan's activities. */
	static Set<String> partnershipIdsOf(List<PlanEvent.Activity> activities) {
		Set<String> ids = new LinkedHashSet<>();
		activities.forEach(activity -> ids.addAll(activity.partnershipIds()));
		return ids;
	}

	/** A plan's themes and its activities' themes. */
	static Set<Theme> themesOf(Set<Theme> planThemes, List<PlanEvent.Activity> activities) {
		Set<Theme> themes = new LinkedHashSet<>(planThemes);
		activities.forEach(activity -> themes.add(activity.theme()));
		return themes;
	}

	private static void store(VersionedReadModel into, String planId, long version, String title, int year,
			List<PlanEvent.Activity> activities, Set<Theme> planThemes) {
		into.apply(planId, version,
				new Update().set("title", title)
					.set("year", year)
					.set("partnershipIds", List.copyOf(partnershipIdsOf(activities)))
					.set("themes", themesOf(planThemes, activities).stream().map(Enum::name).toList()));
	}

}
