package org.decoop.plan.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.decoop.events.Theme;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.domain.InvalidValue;
import org.jspecify.annotations.Nullable;

/**
 * Something a plan funds: a title, a theme, the partnerships it involves, an optional
 * period and its funding. {@code completedOn} is set once, when the activity is
 * completed. {@code vouchedBySteward}: a steward drafted or added it, so it may name
 * partnerships none of the plan's parties is part of ({@link Plan#requireMayName}).
 */
public record Activity(ActivityId id, String title, Theme theme, List<String> partnershipIds,
		@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, List<FundingLine> funding,
		@Nullable LocalDate completedOn, boolean vouchedBySteward) {

	public static final int MAX_TITLE_LENGTH = 300;

	/**
	 * The dates an activity may have at all; a plan narrows them to the years around its
	 * own.
	 */
	public static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	public Activity {
		Objects.requireNonNull(id, "id");
		if (title == null || title.isBlank()) {
			throw new InvalidValue("title", Phrase.of("plan.activity.title-blank"));
		}
		if (title.length() > MAX_TITLE_LENGTH) {
			throw new InvalidValue("title", Phrase.of("plan.title.too-long", MAX_TITLE_LENGTH));
		}
		if (theme == null) {
			throw new InvalidValue("theme", Phrase.of("plan.activity.theme"));
		}
		partnershipIds = List.copyOf(new LinkedHashSet<>(partnershipIds == null ? List.of() : partnershipIds));
		if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
			throw new InvalidValue("endsOn", Phrase.of("plan.activity.ends-before-start"));
		}
		funding = List.copyOf(funding == null ? List.of() : funding);
	}

	public Activity(ActivityId id, String title, Theme theme, List<String> partnershipIds, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, List<FundingLine> funding, @Nullable LocalDate completedOn) {
		this(id, title, theme, partnershipIds, startsOn, endsOn, funding, completedOn, false);
	}

	/** A new, not yet completed activity. */
	public static Activity planned(String title, Theme theme, @Nullable List<String> partnershipIds,
			@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable List<FundingLine> funding) {
		// New activities only: a stored one is restored as it was, whatever the rules
		// became.
		requireWithin("startsOn", startsOn, EARLIEST, LATEST);
		requireWithin("endsOn", endsOn, EARLIEST, LATEST);
		return new Activity(Ids.newId(ActivityId::new), title.strip(), theme,
				partnershipIds == null ? List.of() : partnershipIds, startsOn, endsOn,
				funding == null ? List.of() : funding, null);
	}

	/**
	 * @throws InvalidValue naming the date that is not between {@code earliest} and
	 * {@code latest}
	 */
	static void requireWithin(String field, @Nullable LocalDate date, LocalDate earliest, LocalDate latest) {
		if (date != null && (date.isBefore(earliest) || date.isAfter(latest))) {
			throw new InvalidValue(field, Phrase.of("plan.date.between", earliest, latest));
		}
	}

	public boolean completed() {
		return completedOn != null;
	}

	Activity completeOn(LocalDate date) {
		return new Activity(id, title, theme, partnershipIds, startsOn, endsOn, funding, date, vouchedBySteward);
	}

	/**
	 * This activity as {@code by} puts it in a plan: a steward vouches for the
	 * partnerships it names.
	 */
	Activity putInPlanBy(Actor by) {
		return new Activity(id, title, theme, partnershipIds, startsOn, endsOn, funding, completedOn, by.steward());
	}

	public BigDecimal totalEur() {
		return funding.stream().map(FundingLine::amountEur).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}
}
