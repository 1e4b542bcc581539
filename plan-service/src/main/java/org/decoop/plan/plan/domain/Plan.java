package org.decoop.plan.plan.domain;

import static org.decoop.events.PlanStatus.CANCELLED;
import static org.decoop.events.PlanStatus.COMPLETED;
import static org.decoop.events.PlanStatus.DRAFT;
import static org.decoop.events.PlanStatus.SIGNED;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.decoop.events.FundingSource;
import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.events.plan.ActivityCompleted;
import org.decoop.events.plan.PlanCancelled;
import org.decoop.events.plan.PlanCompleted;
import org.decoop.events.plan.PlanDrafted;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSignatureRecorded;
import org.decoop.events.plan.PlanSigned;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.AggregateRoot;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.jspecify.annotations.Nullable;

/**
 * A yearly action plan signed by several parties. A DRAFT collects activities and
 * signatures; the last missing signature makes it SIGNED, freezes its content and records
 * {@link PlanSigned} (once: a plan is signed by all only once). Its activities are then
 * completed one by one; when all are, the plan is COMPLETED. Only a DRAFT can be
 * CANCELLED.
 */
public final class Plan extends AggregateRoot<PlanEvent> {

	public static final int MIN_PARTIES = 2;

	public static final int FIRST_YEAR = 1990;

	public static final int LAST_YEAR = 2100;

	public static final int MAX_TITLE_LENGTH = 300;

	/**
	 * Keeps PlanSigned, which carries every activity, well under Kafka's default 1 MB
	 * record size.
	 */
	public static final int MAX_ACTIVITIES = 200;

	/** The longest signer's name PlanSigned is sized for. */
	static final int LONGEST_SIGNER_NAME = 200;

	/** A time as long as it gets on the wire (nanoseconds and all). */
	private static final Instant LONGEST_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

	private final PlanId id;

	private final int year;

	private final String title;

	private final List<Party> parties;

	private final Set<Theme> themes;

	private final List<Activity> activities;

	private final List<Signature> signatures;

	private PlanStatus status;

	private @Nullable String cancellationReason;

	private Plan(PlanId id, long loadedVersion, int year, String title, List<Party> parties, Collection<Theme> themes,
			List<Activity> activities, List<Signature> signatures, PlanStatus status,
			@Nullable String cancellationReason) {
		super(loadedVersion);
		this.id = Objects.requireNonNull(id, "id");
		this.year = year;
		this.title = title;
		this.parties = List.copyOf(parties);
		this.themes = themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes);
		this.activities = new ArrayList<>(activities);
		this.signatures = new ArrayList<>(signatures);
		this.status = Objects.requireNonNull(status, "status");
		this.cancellationReason = cancellationReason;
	}

	/** Drafts a plan between at least two parties with distinct codes. */
	public static Plan draft(PlanId id, int year, String title, List<Party> parties, Collection<Theme> themes,
			List<Activity> activities, Actor by, Instant now) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidValue("year", Phrase.of("plan.plan.year", FIRST_YEAR, LAST_YEAR));
		}
		if (title == null || title.isBlank()) {
			throw new InvalidValue("title", Phrase.of("plan.plan.title-blank"));
		}
		if (title.length() > MAX_TITLE_LENGTH) {
			throw new InvalidValue("title", Phrase.of("plan.title.too-long", MAX_TITLE_LENGTH));
		}
		if (parties == null || parties.size() < MIN_PARTIES) {
			throw new InvalidValue("parties", Phrase.of("plan.plan.parties-min", MIN_PARTIES));
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < parties.size(); i++) {
			if (!codes.add(parties.get(i).code())) {
				throw new InvalidValue(Field.named("parties").at(i).field("code"),
						Phrase.of("plan.plan.party-twice", parties.get(i).code()));
			}
		}
		requireActsForAParty(parties, by, Phrase.of("plan.action.draft"));
		if (activities != null && activities.size() > MAX_ACTIVITIES) {
			throw new InvalidValue("activities", Phrase.of("plan.plan.activities-max", MAX_ACTIVITIES));
		}
		for (int i = 0; activities != null && i < activities.size(); i++) {
			Field place = Field.named("activities").at(i);
			try {
				requireInPlanPeriod(year, activities.get(i));
			}
			catch (InvalidValue e) {
				throw e.within(place);
			}
		}
		Plan plan = new Plan(id, NEW, year, title.strip(), parties, themes == null ? List.of() : themes,
				activities == null ? List.of() : activities.stream().map(activity -> activity.putInPlanBy(by)).toList(),
				List.of(), DRAFT, null);
		plan.record(new PlanDrafted(id.value(), plan.change(), year, plan.title, plan.partiesOnTheWire(), plan.themes(),
				plan.activitiesOnTheWire(), now));
		return plan;
	}

	/** Rebuilds a stored plan; records no event. */
	public static Plan restore(PlanId id, long storedVersion, int year, String title, List<Party> parties,
			Collection<Theme> themes, List<Activity> activities, List<Signature> signatures, PlanStatus status,
			@Nullable String cancellationReason) {
		return new Plan(id, storedVersion, year, title, parties, themes, activities, signatures, status,
				cancellationReason);
	}

	/** Adds an activity to a DRAFT; a signed, completed or cancelled plan is frozen. */
	public void addActivity(Activity activity, Actor by) {
		requireActsForAParty(parties, by, Phrase.of("plan.action.add-activity"));
		requireDraft(Phrase.of("plan.action.get-activities"));
		if (activities.size() >= MAX_ACTIVITIES) {
			throw new TooManyActivities(id, MAX_ACTIVITIES);
		}
		requireInPlanPeriod(year, Objects.requireNonNull(activity, "activity"));
		activities.add(activity.putInPlanBy(by));
		change();
	}

	/**
	 * An activity names a partnership only when one of the plan's parties acts for one of
	 * its partners, or a steward asks: a plan may not borrow somebody else's partnership
	 * (signing it would reactivate it, completing it would keep it from going dormant).
	 * @param partnerCodes the codes of the partners of each partnership the activity
	 * names, by partnership id
	 * @param place where the activity is in the command
	 */
	public static void requireMayName(List<Party> parties, Activity activity, Field place,
			Map<String, Set<String>> partnerCodes, Actor by) {
		requireMayName(parties, activity, Optional.of(place), partnerCodes, by);
	}

	/** The same for an activity that is the command's body. */
	public static void requireMayName(List<Party> parties, Activity activity, Map<String, Set<String>> partnerCodes,
			Actor by) {
		requireMayName(parties, activity, Optional.empty(), partnerCodes, by);
	}

	private static void requireMayName(List<Party> parties, Activity activity, Optional<Field> place,
			Map<String, Set<String>> partnerCodes, Actor by) {
		if (by.isSystem() || by.steward()) {
			return;
		}
		Set<String> codes = new HashSet<>();
		parties.forEach(party -> codes.add(party.code()));
		List<String> ids = activity.partnershipIds();
		for (int j = 0; j < ids.size(); j++) {
			if (partnerCodes.getOrDefault(ids.get(j), Set.of()).stream().noneMatch(codes::contains)) {
				Field field = Field.named("partnershipIds").at(j);
				throw new NotAllowed(
						Phrase.of("plan.plan.not-partner", parties.stream().map(Party::code).toList(), ids.get(j)),
						place.map(field::within).orElse(field));
			}
		}
	}

	/**
	 * Records one party's signature. The last missing one makes the plan SIGNED and
	 * records {@link PlanSigned} after {@link PlanSignatureRecorded}; it is refused
	 * unless every funding call the plan's lines name is OPEN that day.
	 * @param calls the funding calls the plan's lines name ({@link #callIds()}), by id
	 */
	public void sign(String partyCode, Actor by, Instant now, Map<String, FundingCall> calls) {
		Party party = parties.stream()
			.filter(p -> p.code().equals(partyCode))
			.findFirst()
			.orElseThrow(() -> new PartyUnknown(partyCode, id));
		if (!by.actsFor(party.code())) {
			throw new NotAllowed(Phrase.of("plan.plan.sign-for", party.code()));
		}
		if (signatureOf(party.code()).isPresent()) {
			throw new PartyAlreadySigned(partyCode, id);
		}
		requireDraft(Phrase.of("plan.action.be-signed"));
		if (activities.isEmpty()) {
			throw new PlanHasNoActivity(id);
		}
		if (signatures.size() + 1 == parties.size()) {
			requireCallsOpenOn(LocalDate.ofInstant(now, ZoneOffset.UTC), calls);
		}
		Signature signature = new Signature(party.code(), by.name(), by.id(), now);
		signatures.add(signature);
		long version = change();
		record(new PlanSignatureRecorded(id.value(), version, party.code(), signature.signedBy(), now, now));
		if (signatures.size() == parties.size()) {
			status = SIGNED;
			record(new PlanSigned(id.value(), version, year, title, signedPartiesOnTheWire(), themes(),
					activitiesOnTheWire(), now));
		}
	}

	/**
	 * Money is taken from a funding call only while it is OPEN: on the day the plan is
	 * signed.
	 */
	private void requireCallsOpenOn(LocalDate day, Map<String, FundingCall> calls) {
		for (int i = 0; i < activities.size(); i++) {
			List<FundingLine> lines = activities.get(i).funding();
			for (int j = 0; j < lines.size(); j++) {
				String callId = lines.get(j).callId();
				if (callId == null) {
					continue;
				}
				Field line = CallFunding.lineField(Field.named("activities").at(i), j);
				CallFunding.callNamed(callId, line, calls).requireOpenOn(line, day);
			}
		}
	}

	/** The ids of the funding calls the plan's funding lines name. */
	public Set<String> callIds() {
		return CallFunding.callIdsOf(activities);
	}

	/** Completes one activity of a SIGNED plan; the last one completes the plan. */
	public void completeActivity(ActivityId activityId, Actor by, Instant now) {
		requireActsForAParty(parties, by, Phrase.of("plan.action.complete-activity"));
		int index = indexOf(activityId);
		if (status != SIGNED) {
			throw new PlanNotSigned(id, status);
		}
		Activity activity = activities.get(index);
		if (activity.completed()) {
			throw new ActivityAlreadyCompleted(activity);
		}
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		activities.set(index, activity.completeOn(today));
		long version = change();
		record(new ActivityCompleted(id.value(), version, activity.id().value(), activity.title(), activity.theme(),
				activity.partnershipIds(), today, parties.stream().map(Party::code).toList(),
				activity.vouchedBySteward(), now));
		if (activities.stream().allMatch(Activity::completed)) {
			status = COMPLETED;
			record(new PlanCompleted(id.value(), version, year, title, now));
		}
	}

	/** Cancels a DRAFT. */
	public void cancel(@Nullable String reason, Actor by, Instant now) {
		requireActsForAParty(parties, by, Phrase.of("plan.action.cancel"));
		requireDraft(Phrase.of("plan.action.be-cancelled"));
		status = CANCELLED;
		cancellationReason = reason == null || reason.isBlank() ? null : reason.strip();
		record(new PlanCancelled(id.value(), change(), year, title, cancellationReason, now));
	}

	/**
	 * A plan is the business of its parties: only a caller acting for one of them changes
	 * it.
	 */
	private static void requireActsForAParty(List<Party> parties, Actor by, Phrase action) {
		List<String> codes = parties.stream().map(Party::code).toList();
		if (!by.isSystem() && !by.actsForAny(codes)) {
			throw new NotAllowed(Phrase.of("plan.plan.parties-only", codes, action));
		}
	}

	/** Funding of all activities by source, in EUR; every source is present. */
	public Map<FundingSource, BigDecimal> fundingBySource() {
		Map<FundingSource, BigDecimal> totals = new EnumMap<>(FundingSource.class);
		for (FundingSource source : FundingSource.values()) {
			totals.put(source, BigDecimal.ZERO.setScale(2));
		}
		activities.forEach(activity -> activity.funding()
			.forEach(line -> totals.merge(line.source(), line.amountEur(), BigDecimal::add)));
		return totals;
	}

	/**
	 * Funding of all activities by the activity's theme, in EUR; only themes with
	 * activities.
	 */
	public Map<Theme, BigDecimal> fundingByTheme() {
		Map<Theme, BigDecimal> totals = new EnumMap<>(Theme.class);
		activities.forEach(activity -> totals.merge(activity.theme(), activity.totalEur(), BigDecimal::add));
		return totals;
	}

	public BigDecimal totalEur() {
		return activities.stream().map(Activity::totalEur).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	/**
	 * An activity of a plan for {@code year} takes place in the year before, the year
	 * itself or the year after.
	 */
	private static void requireInPlanPeriod(int year, Activity activity) {
		LocalDate earliest = LocalDate.of(year - 1, 1, 1);
		LocalDate latest = LocalDate.of(year + 1, 12, 31);
		Activity.requireWithin("startsOn", activity.startsOn(), earliest, latest);
		Activity.requireWithin("endsOn", activity.endsOn(), earliest, latest);
	}

	private void requireDraft(Phrase action) {
		if (status != DRAFT) {
			throw new PlanNotDraft(id, status, action);
		}
	}

	private int indexOf(ActivityId activityId) {
		for (int i = 0; i < activities.size(); i++) {
			if (activities.get(i).id().equals(activityId)) {
				return i;
			}
		}
		throw new DoesNotExist("Activity", activityId + " of plan " + id);
	}

	private Optional<Signature> signatureOf(String partyCode) {
		return signatures.stream().filter(s -> s.party().equals(partyCode)).findFirst();
	}

	/**
	 * While a DRAFT, its PlanSigned as large as it can be: every party signed by a name
	 * as long as a signer's name is taken ({@link #LONGEST_SIGNER_NAME}), at a time as
	 * long as it is written. The write path refuses a draft or an added activity that
	 * makes it larger than the broker takes: once signed, the event could never be
	 * published.
	 */
	@Override
	public List<Foreseen<PlanEvent>> foreseenEvents() {
		if (status != DRAFT) {
			return List.of();
		}
		String longestName = "x".repeat(LONGEST_SIGNER_NAME);
		PlanSigned signed = new PlanSigned(id.value(), version() + 1, year, title,
				parties.stream()
					.map(p -> new PlanEvent.SignedParty(p.code(), p.name(), longestName, LONGEST_TIME))
					.toList(),
				themes(), activitiesOnTheWire(), LONGEST_TIME);
		return List.of(new Foreseen<>(signed, Field.named("activities")));
	}

	private List<PlanEvent.Party> partiesOnTheWire() {
		return parties.stream().map(p -> new PlanEvent.Party(p.code(), p.name())).toList();
	}

	private List<PlanEvent.SignedParty> signedPartiesOnTheWire() {
		return parties.stream().map(p -> {
			Signature signature = signatureOf(p.code()).orElseThrow();
			return new PlanEvent.SignedParty(p.code(), p.name(), signature.signedBy(), signature.signedAt());
		}).toList();
	}

	private List<PlanEvent.Activity> activitiesOnTheWire() {
		return activities.stream()
			.map(a -> new PlanEvent.Activity(a.id().value(), a.title(), a.theme(), a.partnershipIds(), a.startsOn(),
					a.endsOn(),
					a.funding()
						.stream()
						.map(f -> new PlanEvent.Funding(f.source(), f.amountEur(), f.callId()))
						.toList(),
					a.vouchedBySteward()))
			.toList();
	}

	public PlanId id() {
		return id;
	}

	public int year() {
		return year;
	}

	public String title() {
		return title;
	}

	public List<Party> parties() {
		return parties;
	}

	public Set<Theme> themes() {
		return Collections.unmodifiableSet(themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes));
	}

	public List<Activity> activities() {
		return List.copyOf(activities);
	}

	public List<Signature> signatures() {
		return List.copyOf(signatures);
	}

	public PlanStatus status() {
		return status;
	}

	public @Nullable String cancellationReason() {
		return cancellationReason;
	}

}
