package org.decoop.plan.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.FundingSource;
import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.plan.plan.domain.Activity;
import org.decoop.plan.plan.domain.ActivityId;
import org.decoop.plan.plan.domain.FundingLine;
import org.decoop.plan.plan.domain.Party;
import org.decoop.plan.plan.domain.Plan;
import org.decoop.plan.plan.domain.PlanId;
import org.decoop.plan.plan.domain.Signature;
import org.decoop.platform.outbox.OutboxDocument;
import org.decoop.platform.outbox.Outbox;
import org.decoop.events.Sources;
import org.decoop.events.Topics;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.jspecify.annotations.Nullable;

/**
 * How a plan is stored. Amounts are kept in euro cents (whole numbers) so that the
 * database can add them up exactly in aggregations; dates are ISO text, free of time-zone
 * shifts.
 */
@Document(PlanDocument.COLLECTION)
// plan events wait in it until the platform's relay publishes them
@Outbox(topic = Topics.PLAN_EVENTS, source = Sources.PLAN_SERVICE)
// each list and search is answered from an index that also holds its order (newest year
// first)
@CompoundIndexes({ @CompoundIndex(name = "by_year", def = "{'year': -1, '_id': 1}"),
		@CompoundIndex(name = "by_status", def = "{'status': 1, 'year': -1, '_id': 1}"),
		@CompoundIndex(name = "by_theme", def = "{'themes': 1, 'year': -1, '_id': 1}"),
		@CompoundIndex(name = "by_partnership", def = "{'activities.partnershipIds': 1, 'year': -1, '_id': 1}") })
// Spring Data sets the fields of a document it reads; of() sets them for one it writes
@SuppressWarnings("NullAway.Init")
class PlanDocument extends OutboxDocument {

	static final String COLLECTION = "plans";

	int year;

	String title;

	PlanStatus status;

	List<PartyEntry> parties;

	List<Theme> themes;

	List<ActivityEntry> activities;

	List<SignatureEntry> signatures;

	@Nullable String cancellationReason;

	PlanDocument() {
	}

	private PlanDocument(String id, @Nullable Long version) {
		super(id, version);
	}

	/** The plan's state; its version and events are written by the store. */
	static PlanDocument of(Plan plan) {
		PlanDocument document = new PlanDocument(plan.id().value(), null);
		document.year = plan.year();
		document.title = plan.title();
		document.status = plan.status();
		document.parties = plan.parties().stream().map(p -> new PartyEntry(p.code(), p.name())).toList();
		document.themes = List.copyOf(plan.themes());
		document.activities = plan.activities().stream().map(ActivityEntry::of).toList();
		document.signatures = plan.signatures()
			.stream()
			.map(s -> new SignatureEntry(s.party(), s.signedBy(), s.signerId(), s.signedAt()))
			.toList();
		document.cancellationReason = plan.cancellationReason();
		return document;
	}

	Plan toDomain() {
		return Plan.restore(new PlanId(getId()), getVersion(), year, title,
				parties.stream().map(p -> new Party(p.code(), p.name())).toList(), themes == null ? List.of() : themes,
				activities == null ? List.of() : activities.stream().map(ActivityEntry::toDomain).toList(),
				signatures == null ? List.of()
						: signatures.stream()
							.map(s -> new Signature(s.party(), s.signedBy(), s.signerId(), s.signedAt()))
							.toList(),
				status, cancellationReason);
	}

	record PartyEntry(String code, String name) {
	}

	record SignatureEntry(String party, String signedBy, String signerId, Instant signedAt) {
	}

	/**
	 * {@code callId}: the funding call the money comes from, if any (none in lines stored
	 * before calls existed).
	 */
	record FundingEntry(FundingSource source, long amountEurCents, @Nullable String callId) {
	}

	/**
	 * {@code activityId}, not {@code id}: Spring Data would store a nested {@code id} as
	 * {@code _id}. {@code vouchedBySteward}: none in activities stored before the rule
	 * (false).
	 */
	record ActivityEntry(String activityId, String title, Theme theme, List<String> partnershipIds,
			@Nullable String startsOn, @Nullable String endsOn, List<FundingEntry> funding,
			@Nullable String completedOn, @Nullable Boolean vouchedBySteward) {

		static ActivityEntry of(Activity activity) {
			return new ActivityEntry(activity.id().value(), activity.title(), activity.theme(),
					activity.partnershipIds(), text(activity.startsOn()), text(activity.endsOn()),
					activity.funding()
						.stream()
						.map(f -> new FundingEntry(f.source(), f.amountEur().movePointRight(2).longValueExact(),
								f.callId()))
						.toList(),
					text(activity.completedOn()), activity.vouchedBySteward());
		}

		Activity toDomain() {
			return new Activity(new ActivityId(activityId), title, theme, partnershipIds, date(startsOn), date(endsOn),
					funding.stream()
						.map(f -> new FundingLine(f.source(), BigDecimal.valueOf(f.amountEurCents(), 2), f.callId()))
						.toList(),
					date(completedOn), Boolean.TRUE.equals(vouchedBySteward));
		}

		private static @Nullable String text(@Nullable LocalDate date) {
			return date == null ? null : date.toString();
		}

		private static @Nullable LocalDate date(@Nullable String text) {
			return text == null ? null : LocalDate.parse(text);
		}
	}

}
