package org.decoop.plan.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.decoop.events.Theme;
import org.decoop.platform.domain.InvalidValue;

/**
 * Something a plan funds: a title, a theme, the partnerships it involves, an optional period
 * and its funding. {@code completedOn} is set once, when the activity is completed.
 */
public record Activity(
        ActivityId id,
        String title,
        Theme theme,
        List<String> partnershipIds,
        LocalDate startsOn,
        LocalDate endsOn,
        List<FundingLine> funding,
        LocalDate completedOn) {

    public static final int MAX_TITLE_LENGTH = 300;

    public Activity {
        Objects.requireNonNull(id, "id");
        if (title == null || title.isBlank()) {
            throw new InvalidValue("title", "an activity needs a title");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new InvalidValue("title", "a title is at most %d characters".formatted(MAX_TITLE_LENGTH));
        }
        if (theme == null) {
            throw new InvalidValue("theme", "an activity has a theme");
        }
        partnershipIds = List.copyOf(new LinkedHashSet<>(partnershipIds == null ? List.of() : partnershipIds));
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw new InvalidValue("endsOn", "an activity cannot end before it starts");
        }
        funding = List.copyOf(funding == null ? List.of() : funding);
    }

    /** A new, not yet completed activity. */
    public static Activity planned(String title, Theme theme, List<String> partnershipIds, LocalDate startsOn,
            LocalDate endsOn, List<FundingLine> funding) {
        return new Activity(ActivityId.newId(), title.strip(), theme, partnershipIds, startsOn, endsOn, funding, null);
    }

    public boolean completed() {
        return completedOn != null;
    }

    Activity completeOn(LocalDate date) {
        return new Activity(id, title, theme, partnershipIds, startsOn, endsOn, funding, date);
    }

    public BigDecimal totalEur() {
        return funding.stream().map(FundingLine::amountEur).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
