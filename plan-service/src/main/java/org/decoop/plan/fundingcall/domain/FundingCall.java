package org.decoop.plan.fundingcall.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.decoop.events.Country;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.events.plan.FundingCallClosed;
import org.decoop.events.plan.FundingCallClosingSoon;
import org.decoop.events.plan.FundingCallEvent;
import org.decoop.events.plan.FundingCallPublished;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.AggregateRoot;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;

/**
 * A call for funding published by a steward (the Embassy publishing the Ministry's call):
 * who funds, which themes, which countries, from when to when, and how much it grants one
 * activity (all the activity's lines naming it together). Its status follows from its
 * dates ({@link #statusOn}). It announces its own deadline:
 * {@link FundingCallClosingSoon} once when the deadline is near,
 * {@link FundingCallClosed} once when it is past; the flags that say so are part of its
 * state, so the announcement and the event are one conditional write, made once however
 * many replicas try.
 */
public final class FundingCall extends AggregateRoot<FundingCallEvent> {

	public static final String CODE_PATTERN = "^[A-Z0-9][A-Z0-9-]{1,63}$";

	public static final int MAX_TITLE_LENGTH = 300;

	/** The dates a call may have at all: the years plans may have. */
	public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	/**
	 * A grant in EUR has at most this many digits before the decimal point (and two
	 * after).
	 */
	public static final int MAX_GRANT_DIGITS = 12;

	/** A co-financing rate has at most this many decimals (0.8, 0.75, 0.3333). */
	public static final int MAX_RATE_DECIMALS = 4;

	private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

	private final FundingCallId id;

	private final String code;

	private final String title;

	private final FundingSource funder;

	private final Set<Theme> themes;

	private final Set<String> eligibleCountries;

	private final LocalDate opensOn;

	private final LocalDate closesOn;

	private final BigDecimal maxGrantEur;

	private final BigDecimal maxCoFinancingRate;

	private final Instant publishedAt;

	private final String publishedBy;

	private boolean closingSoonAnnounced;

	private boolean closedAnnounced;

	private FundingCall(FundingCallId id, long loadedVersion, String code, String title, FundingSource funder,
			Collection<Theme> themes, Collection<String> eligibleCountries, LocalDate opensOn, LocalDate closesOn,
			BigDecimal maxGrantEur, BigDecimal maxCoFinancingRate, Instant publishedAt, String publishedBy,
			boolean closingSoonAnnounced, boolean closedAnnounced) {
		super(loadedVersion);
		this.id = Objects.requireNonNull(id, "id");
		this.code = code;
		this.title = title;
		this.funder = funder;
		this.themes = themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes);
		this.eligibleCountries = new TreeSet<>(eligibleCountries);
		this.opensOn = opensOn;
		this.closesOn = closesOn;
		this.maxGrantEur = maxGrantEur;
		this.maxCoFinancingRate = maxCoFinancingRate;
		this.publishedAt = publishedAt;
		this.publishedBy = publishedBy;
		this.closingSoonAnnounced = closingSoonAnnounced;
		this.closedAnnounced = closedAnnounced;
	}

	/**
	 * Publishes a call: only a steward may. It must still be possible to apply:
	 * {@code closesOn} is today or later (UTC), and not before {@code opensOn}.
	 */
	public static FundingCall publish(FundingCallId id, String code, String title, FundingSource funder,
			Collection<Theme> themes, Collection<Country> eligibleCountries, LocalDate opensOn, LocalDate closesOn,
			BigDecimal maxGrantEur, BigDecimal maxCoFinancingRate, Actor by, Instant now) {
		if (!by.isSystem() && !by.steward()) {
			throw new NotAllowed(Phrase.of("plan.call.steward-only"));
		}
		if (code == null || !CODE.matcher(code).matches()) {
			throw new InvalidValue("code", Phrase.of("plan.call.code"));
		}
		if (title == null || title.isBlank()) {
			throw new InvalidValue("title", Phrase.of("plan.call.title-blank"));
		}
		if (title.strip().length() > MAX_TITLE_LENGTH) {
			throw new InvalidValue("title", Phrase.of("plan.title.too-long", MAX_TITLE_LENGTH));
		}
		if (funder == null) {
			throw new InvalidValue("funder", Phrase.of("plan.call.funder"));
		}
		if (themes == null || themes.isEmpty() || themes.stream().anyMatch(Objects::isNull)) {
			throw new InvalidValue("themes", Phrase.of("plan.call.themes"));
		}
		if (eligibleCountries == null || eligibleCountries.isEmpty()
				|| eligibleCountries.stream().anyMatch(Objects::isNull)) {
			throw new InvalidValue("eligibleCountries", Phrase.of("plan.call.countries"));
		}
		requireDate("opensOn", opensOn);
		requireDate("closesOn", closesOn);
		if (closesOn.isBefore(opensOn)) {
			throw new InvalidValue("closesOn", Phrase.of("plan.call.closes-before-opens", closesOn, opensOn));
		}
		LocalDate today = dayOf(now);
		if (closesOn.isBefore(today)) {
			throw new InvalidValue("closesOn", Phrase.of("plan.call.closes-before-today", closesOn, today));
		}
		if (maxGrantEur == null || maxGrantEur.signum() < 0) {
			throw new InvalidValue("maxGrantEur", Phrase.of("plan.call.grant-negative"));
		}
		if (maxGrantEur.stripTrailingZeros().scale() > 2
				|| maxGrantEur.precision() - maxGrantEur.scale() > MAX_GRANT_DIGITS) {
			throw new InvalidValue("maxGrantEur", Phrase.of("plan.call.grant-digits", MAX_GRANT_DIGITS));
		}
		if (maxCoFinancingRate == null || maxCoFinancingRate.signum() <= 0
				|| maxCoFinancingRate.compareTo(BigDecimal.ONE) > 0) {
			throw new InvalidValue("maxCoFinancingRate", Phrase.of("plan.call.rate"));
		}
		if (maxCoFinancingRate.stripTrailingZeros().scale() > MAX_RATE_DECIMALS) {
			throw new InvalidValue("maxCoFinancingRate", Phrase.of("plan.call.rate-decimals", MAX_RATE_DECIMALS));
		}
		FundingCall call = new FundingCall(id, NEW, code, title.strip(), funder, themes,
				eligibleCountries.stream().map(Country::code).toList(), opensOn, closesOn, maxGrantEur.setScale(2),
				maxCoFinancingRate.stripTrailingZeros(), now, by.name(), false, false);
		call.record(new FundingCallPublished(id.value(), call.change(), call.code, call.title, funder, call.themes(),
				call.eligibleCountries(), opensOn, closesOn, call.maxGrantEur, call.maxCoFinancingRate, now));
		return call;
	}

	/** Rebuilds a stored call; records no event. */
	public static FundingCall restore(FundingCallId id, long storedVersion, String code, String title,
			FundingSource funder, Collection<Theme> themes, Collection<String> eligibleCountries, LocalDate opensOn,
			LocalDate closesOn, BigDecimal maxGrantEur, BigDecimal maxCoFinancingRate, Instant publishedAt,
			String publishedBy, boolean closingSoonAnnounced, boolean closedAnnounced) {
		return new FundingCall(id, storedVersion, code, title, funder, themes, eligibleCountries, opensOn, closesOn,
				maxGrantEur, maxCoFinancingRate, publishedAt, publishedBy, closingSoonAnnounced, closedAnnounced);
	}

	/**
	 * UPCOMING before {@code opensOn}, OPEN from {@code opensOn} to {@code closesOn}
	 * included, CLOSED after.
	 */
	public FundingCallStatus statusOn(LocalDate day) {
		if (day.isBefore(opensOn)) {
			return FundingCallStatus.UPCOMING;
		}
		return day.isAfter(closesOn) ? FundingCallStatus.CLOSED : FundingCallStatus.OPEN;
	}

	/**
	 * Announces the deadline when it is time: {@link FundingCallClosed} once the day
	 * after {@code closesOn}; before that, {@link FundingCallClosingSoon} once from
	 * {@code closingSoonDays} days before {@code closesOn}. A call found already past its
	 * deadline is announced closed only: "closing soon" would be false by then. Answers
	 * whether anything was announced (to be saved).
	 */
	public boolean announceDeadline(int closingSoonDays, Instant now) {
		if (closedAnnounced) {
			return false;
		}
		LocalDate today = dayOf(now);
		if (today.isAfter(closesOn)) {
			closedAnnounced = true;
			record(new FundingCallClosed(id.value(), change(), code, title, funder, themes(), eligibleCountries(),
					opensOn, closesOn, now));
			return true;
		}
		if (!closingSoonAnnounced && !today.isBefore(closesOn.minusDays(closingSoonDays))) {
			closingSoonAnnounced = true;
			int daysLeft = (int) ChronoUnit.DAYS.between(today, closesOn);
			record(new FundingCallClosingSoon(id.value(), change(), code, title, funder, themes(), eligibleCountries(),
					opensOn, closesOn, daysLeft, now));
			return true;
		}
		return false;
	}

	/**
	 * Checks one funding line that names this call, on its own: the line's source is the
	 * call's funder, the activity's theme is one the call funds. (What the call's lines
	 * of the activity take together is checked by {@link #requireGrantWithin} and
	 * {@link #requireShareWithin}.)
	 * @param line where the line sits in the request, named in the refusal
	 */
	public void requireFunds(Field line, FundingSource source, Theme activityTheme) {
		if (source != funder) {
			throw new FundingLineRefused(line, Phrase.of("plan.line.source", code, funder, source));
		}
		if (!themes.contains(activityTheme)) {
			throw new FundingLineRefused(line, Phrase.of("plan.line.theme", code,
					themes.stream().map(Enum::name).collect(Collectors.joining(", ")), activityTheme));
		}
	}

	/**
	 * Checks the call's grant to an activity: a grant is per activity, so what the call's
	 * lines of one activity take together is at most {@code maxGrantEur} (splitting the
	 * money over several lines takes no more).
	 * @param line the line at which the call's lines went over, named in the refusal
	 */
	public void requireGrantWithin(Field line, BigDecimal fromThisCall) {
		if (fromThisCall.compareTo(maxGrantEur) > 0) {
			throw new FundingLineRefused(line,
					Phrase.of("plan.line.grant", code, maxGrantEur.toPlainString(), fromThisCall.toPlainString()));
		}
	}

	/**
	 * Checks the call's share of an activity: what its lines take together is at most
	 * {@code maxCoFinancingRate} of the activity's whole funding.
	 * @param line the line at which the call's lines went over, named in the refusal
	 */
	public void requireShareWithin(Field line, BigDecimal fromThisCall, BigDecimal activityTotal) {
		if (fromThisCall.compareTo(maxCoFinancingRate.multiply(activityTotal)) > 0) {
			throw new FundingLineRefused(line, Phrase.of("plan.line.share", code, percent(maxCoFinancingRate),
					fromThisCall.toPlainString(), activityTotal.toPlainString()));
		}
	}

	/**
	 * Checks that a plan drafted (or given an activity) on {@code day} may still name
	 * this call: it has not closed yet. A line naming a CLOSED call could never be signed
	 * (the call is OPEN on the day the plan is signed, {@link #requireOpenOn}), and lines
	 * are never taken out of a plan.
	 */
	public void requireNotClosedOn(Field line, LocalDate day) {
		if (statusOn(day) == FundingCallStatus.CLOSED) {
			throw new FundingLineRefused(line, Phrase.of("plan.line.call-closed", code, closesOn, day));
		}
	}

	/**
	 * Checks that a plan signed on {@code day} may take money from this call: it is OPEN
	 * that day.
	 */
	public void requireOpenOn(Field line, LocalDate day) {
		FundingCallStatus status = statusOn(day);
		if (status != FundingCallStatus.OPEN) {
			throw new FundingLineRefused(line,
					Phrase.of("plan.line.call-not-open", code, status, day, opensOn, closesOn));
		}
	}

	private static String percent(BigDecimal rate) {
		return rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
	}

	private static void requireDate(String field, LocalDate date) {
		if (date == null) {
			throw new InvalidValue(field, Phrase.of("plan.call.date-missing"));
		}
		if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
			throw new InvalidValue(Field.named(field), Phrase.of("plan.date.between", EARLIEST, LATEST));
		}
	}

	/**
	 * The refusal of a funding line that names no known call, at {@code line}: plans
	 * check it with the other rules.
	 */
	public static FundingLineRefused unknown(Field line, String callId) {
		return new FundingLineRefused(line, Phrase.of("plan.line.call-unknown", callId));
	}

	/**
	 * The calendar day of an instant: calls open and close on UTC days, like plans are
	 * signed on them.
	 */
	public static LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	public FundingCallId id() {
		return id;
	}

	public String code() {
		return code;
	}

	public String title() {
		return title;
	}

	public FundingSource funder() {
		return funder;
	}

	public Set<Theme> themes() {
		return Collections.unmodifiableSet(themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes));
	}

	/** ISO 3166-1 alpha-2 codes, sorted. */
	public Set<String> eligibleCountries() {
		return Collections.unmodifiableSet(new TreeSet<>(eligibleCountries));
	}

	public LocalDate opensOn() {
		return opensOn;
	}

	public LocalDate closesOn() {
		return closesOn;
	}

	public BigDecimal maxGrantEur() {
		return maxGrantEur;
	}

	public BigDecimal maxCoFinancingRate() {
		return maxCoFinancingRate;
	}

	public Instant publishedAt() {
		return publishedAt;
	}

	public String publishedBy() {
		return publishedBy;
	}

	public boolean closingSoonAnnounced() {
		return closingSoonAnnounced;
	}

	public boolean closedAnnounced() {
		return closedAnnounced;
	}

}
