package org.decoop.partnership.partnership.domain;

import static org.decoop.events.PartnershipStatus.ACTIVE;
import static org.decoop.events.PartnershipStatus.DORMANT;
import static org.decoop.events.PartnershipStatus.ENDED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEnded;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.AggregateRoot;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.jspecify.annotations.Nullable;
import java.util.Optional;

/**
 * A partnership between two or more local authorities, and its lifecycle: ACTIVE ⇄
 * DORMANT, either → ENDED (final). Every change is recorded as an event, which the store
 * takes with {@link #pullEvents()} and writes with the new state, and kept in its
 * history: the establishment and the latest {@link #MAX_HISTORY} - 1 changes, with a
 * count of those left out between them (the events on the topic keep them all), so that a
 * partnership toggled thousands of times stays one small document.
 */
public final class Partnership extends AggregateRoot<PartnershipEvent> {

	public static final int MIN_PARTNERS = 2;

	public static final int MAX_REASON_LENGTH = 1000;

	public static final int MAX_HISTORY = 100;

	public static final int FIRST_YEAR = 1900;

	private final PartnershipId id;

	private PartnershipStatus status;

	private final List<Partner> partners;

	private final @Nullable Integer since;

	private final Set<Theme> themes;

	private final @Nullable Coordinator coordinator;

	private final List<StatusChange> history;

	private int omittedChanges;

	/** None yet: no plan activity completed, or none recorded. */
	private @Nullable LocalDate lastActivityOn;

	private Partnership(PartnershipId id, long loadedVersion, PartnershipStatus status, List<Partner> partners,
			@Nullable Integer since, Collection<Theme> themes, @Nullable Coordinator coordinator,
			List<StatusChange> history, int omittedChanges, @Nullable LocalDate lastActivityOn) {
		super(loadedVersion);
		this.id = Objects.requireNonNull(id, "id");
		this.status = Objects.requireNonNull(status, "status");
		this.partners = List.copyOf(partners);
		this.since = since;
		this.themes = copyOf(themes);
		this.coordinator = coordinator;
		this.history = new ArrayList<>(history);
		this.omittedChanges = omittedChanges;
		this.lastActivityOn = lastActivityOn;
	}

	/** Establishes a new ACTIVE partnership between distinct local authorities. */
	public static Partnership establish(PartnershipId id, List<Partner> partners, @Nullable Integer since,
			@Nullable Collection<Theme> themes, @Nullable Coordinator coordinator, Actor by, Instant now) {
		Objects.requireNonNull(partners, "partners");
		if (partners.size() < MIN_PARTNERS) {
			throw new InvalidValue("partnerIds", Phrase.of("partnership.partnership.partners-min", MIN_PARTNERS));
		}
		Set<Object> seen = new HashSet<>();
		for (int i = 0; i < partners.size(); i++) {
			if (!seen.add(partners.get(i).id())) {
				throw new InvalidValue(Field.named("partnerIds").at(i),
						Phrase.of("partnership.partnership.partner-twice", partners.get(i).id().toString()));
			}
		}
		int thisYear = Year.from(now.atZone(ZoneOffset.UTC)).getValue();
		if (since != null && (since < FIRST_YEAR || since > thisYear)) {
			throw new InvalidValue("since", Phrase.of("partnership.partnership.since", FIRST_YEAR, thisYear));
		}
		requireMayActFor(partners, by, Phrase.of("partnership.partnership.action.establish"));
		Partnership partnership = new Partnership(id, NEW, ACTIVE, partners, since, withNone(themes), coordinator,
				List.of(new StatusChange(ACTIVE, now, "Partnership established", null, by.name())), 0,
				LocalDate.ofInstant(now, ZoneOffset.UTC));
		partnership.record(new PartnershipEstablished(id.value(), partnership.change(), ACTIVE,
				partnership.partnersOnTheWire(), since, partnership.themes(),
				coordinator == null ? null : new PartnershipEstablished.Coordinator(coordinator.name()), now));
		return partnership;
	}

	/** Rebuilds a stored partnership; records no event. */
	public static Partnership restore(PartnershipId id, long storedVersion, PartnershipStatus status,
			List<Partner> partners, @Nullable Integer since, @Nullable Collection<Theme> themes,
			@Nullable Coordinator coordinator, List<StatusChange> history, int omittedChanges,
			@Nullable LocalDate lastActivityOn) {
		return new Partnership(id, storedVersion, status, partners, since, withNone(themes), coordinator, history,
				omittedChanges, lastActivityOn);
	}

	/** An ACTIVE partnership goes DORMANT. */
	public void goDormant(String reason, Actor by, Instant now) {
		requireMayActFor(partners, by, Phrase.of("partnership.partnership.action.dormancy"));
		requireStatus(ACTIVE, Phrase.of("partnership.partnership.action.go-dormant"));
		long version = transition(DORMANT, reason, null, by, now);
		record(new PartnershipWentDormant(id.value(), version, status, partnersOnTheWire(), themes(), reason,
				lastActivityOn, now));
	}

	/**
	 * A DORMANT partnership becomes ACTIVE again, optionally because a plan was signed.
	 */
	public void reactivate(String reason, @Nullable String planId, Actor by, Instant now) {
		requireMayActFor(partners, by, Phrase.of("partnership.partnership.action.reactivate"));
		requireStatus(DORMANT, Phrase.of("partnership.partnership.action.be-reactivated"));
		long version = transition(ACTIVE, reason, planId, by, now);
		lastActivityOn = LocalDate.ofInstant(now, ZoneOffset.UTC);
		record(new PartnershipReactivated(id.value(), version, status, partnersOnTheWire(), themes(), reason, planId,
				now));
	}

	/**
	 * An action plan naming this partnership was signed: a DORMANT partnership becomes
	 * ACTIVE again, naming the plan; an ACTIVE one counts it as activity; an ENDED one
	 * stays ended.
	 */
	public void planSigned(String planId, String planTitle, int planYear, LocalDate signedOn, Actor by, Instant now) {
		if (status == DORMANT) {
			reactivate("Action plan \"%s\" (%d) was signed".formatted(planTitle, planYear), planId, by, now);
		}
		else {
			recordActivity(signedOn);
		}
	}

	/**
	 * Whether a plan between these parties may name this partnership in an activity: one
	 * of them is one of its partners, or a steward vouched for the activity. A plan that
	 * borrows someone else's partnership neither reactivates it nor counts as its
	 * activity.
	 */
	public boolean mayBeNamedByPlanOf(Collection<String> partyCodes, boolean vouchedBySteward) {
		return vouchedBySteward
				|| partners.stream().map(Partner::code).anyMatch(code -> code != null && partyCodes.contains(code));
	}

	/**
	 * Records that the partnership was active on {@code date} (an activity completed, a
	 * plan signed). Only moves the last activity date forward, and never for an ENDED
	 * partnership; records no event.
	 */
	public void recordActivity(LocalDate date) {
		if (status != ENDED && (lastActivityOn == null || date.isAfter(lastActivityOn))) {
			lastActivityOn = date;
			change();
		}
	}

	/**
	 * An ACTIVE partnership without activity for longer than {@code period} goes DORMANT,
	 * saying since when; any other one is left as it is.
	 * @return whether it went dormant
	 */
	public boolean goDormantForInactivity(Period period, Actor by, Instant now) {
		LocalDate cutoff = inactivityCutoff(period, now);
		if (status != ACTIVE || lastActivityOn == null || !lastActivityOn.isBefore(cutoff)) {
			return false;
		}
		goDormant("No activity since %s: dormant after %s without activity".formatted(lastActivityOn, describe(period)),
				by, now);
		return true;
	}

	/**
	 * The day before which the last activity of a partnership quiet for longer than
	 * {@code period} lies (UTC).
	 */
	public static LocalDate inactivityCutoff(Period period, Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC).minus(period);
	}

	private static String describe(Period period) {
		return period.getDays() == 0 ? period.toTotalMonths() + " months" : period.toString();
	}

	/** An ACTIVE or DORMANT partnership ends for good. */
	public void terminate(String reason, Actor by, Instant now) {
		requireMayActFor(partners, by, Phrase.of("partnership.partnership.action.end"));
		if (status == ENDED) {
			throw new TransitionNotAllowed(Phrase.of("partnership.partnership.ended-already", id));
		}
		long version = transition(ENDED, reason, null, by, now);
		record(new PartnershipEnded(id.value(), version, status, partnersOnTheWire(), themes(), reason, now));
	}

	private void requireStatus(PartnershipStatus required, Phrase action) {
		if (status != required) {
			throw new TransitionNotAllowed(Phrase.of("partnership.partnership.status", id, status, required, action));
		}
	}

	/**
	 * Only a caller acting for one of the partners, a steward, or the system itself
	 * changes a partnership.
	 */
	private static void requireMayActFor(List<Partner> partners, Actor by, Phrase action) {
		List<String> codes = partners.stream().map(Partner::code).filter(Objects::nonNull).toList();
		if (!by.mayActForAny(codes)) {
			throw new NotAllowed(Phrase.of("partnership.partnership.not-allowed", codes.toString(), action));
		}
	}

	private long transition(PartnershipStatus next, String reason, @Nullable String planId, Actor by, Instant now) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidValue("reason", Phrase.of("partnership.reason-blank"));
		}
		if (reason.length() > MAX_REASON_LENGTH) {
			throw new InvalidValue("reason", Phrase.of("partnership.reason-too-long", MAX_REASON_LENGTH));
		}
		status = next;
		history.add(new StatusChange(next, now, reason.strip(), planId, by.name()));
		while (history.size() > MAX_HISTORY) {
			history.remove(1); // the oldest change after the establishment
			omittedChanges++;
		}
		return change();
	}

	private List<PartnershipEvent.Partner> partnersOnTheWire() {
		return partners.stream()
			.map(partner -> new PartnershipEvent.Partner(partner.id().value(), partner.name(), partner.country().code(),
					partner.code(), partner.latitude(), partner.longitude()))
			.toList();
	}

	private static Collection<Theme> withNone(@Nullable Collection<Theme> themes) {
		return themes == null ? List.of() : themes;
	}

	private static EnumSet<Theme> copyOf(Collection<Theme> themes) {
		return themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes);
	}

	public PartnershipId id() {
		return id;
	}

	public PartnershipStatus status() {
		return status;
	}

	public List<Partner> partners() {
		return partners;
	}

	public @Nullable Integer since() {
		return since;
	}

	public Set<Theme> themes() {
		return Collections.unmodifiableSet(copyOf(themes));
	}

	public Optional<Coordinator> coordinator() {
		return Optional.ofNullable(coordinator);
	}

	public List<StatusChange> history() {
		return List.copyOf(history);
	}

	/**
	 * How many changes between the establishment and the first kept one are left out of
	 * {@link #history()}.
	 */
	public int omittedChanges() {
		return omittedChanges;
	}

	public @Nullable LocalDate lastActivityOn() {
		return lastActivityOn;
	}

}
