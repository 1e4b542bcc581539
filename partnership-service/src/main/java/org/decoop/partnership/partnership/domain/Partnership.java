package org.decoop.partnership.partnership.domain;

import static org.decoop.events.PartnershipStatus.ACTIVE;
import static org.decoop.events.PartnershipStatus.DORMANT;
import static org.decoop.events.PartnershipStatus.ENDED;

import java.time.Instant;
import java.time.LocalDate;
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
import org.decoop.platform.errors.ConflictException;
import org.decoop.platform.errors.InvalidInputException;

/**
 * A partnership between two or more local authorities, and its lifecycle:
 * ACTIVE ⇄ DORMANT, either → ENDED (final). Every change is kept in its history and
 * recorded as an event, which the caller takes with {@link #pullEvents()} and stores in the
 * same write as the new state.
 */
public final class Partnership {

    public static final int MIN_PARTNERS = 2;
    public static final int MAX_REASON_LENGTH = 1000;
    static final int FIRST_YEAR = 1900;

    private final PartnershipId id;
    private long version;
    private PartnershipStatus status;
    private final List<Partner> partners;
    private final Integer since;
    private final Set<Theme> themes;
    private final Coordinator coordinator;
    private final List<StatusChange> history;
    private LocalDate lastActivityOn;
    private final List<PartnershipEvent> events = new ArrayList<>();

    private Partnership(PartnershipId id, long version, PartnershipStatus status, List<Partner> partners, Integer since,
            Collection<Theme> themes, Coordinator coordinator, List<StatusChange> history, LocalDate lastActivityOn) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.status = Objects.requireNonNull(status, "status");
        this.partners = List.copyOf(partners);
        this.since = since;
        this.themes = copyOf(themes);
        this.coordinator = coordinator;
        this.history = new ArrayList<>(history);
        this.lastActivityOn = lastActivityOn;
    }

    /** Establishes a new ACTIVE partnership between distinct local authorities. */
    public static Partnership establish(PartnershipId id, List<Partner> partners, Integer since, Collection<Theme> themes,
            Coordinator coordinator, Instant now) {
        Objects.requireNonNull(partners, "partners");
        if (partners.size() < MIN_PARTNERS) {
            throw new InvalidInputException("partnerIds", "a partnership needs at least %d partners".formatted(MIN_PARTNERS));
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < partners.size(); i++) {
            if (!seen.add(partners.get(i).id())) {
                throw new InvalidInputException("partnerIds[%d]".formatted(i),
                        "local authority %s is named twice".formatted(partners.get(i).id()));
            }
        }
        int thisYear = Year.from(now.atZone(ZoneOffset.UTC)).getValue();
        if (since != null && (since < FIRST_YEAR || since > thisYear)) {
            throw new InvalidInputException("since", "since must be a year between %d and %d".formatted(FIRST_YEAR, thisYear));
        }
        Partnership partnership = new Partnership(id, 0, ACTIVE, partners, since, withNone(themes),
                coordinator, List.of(new StatusChange(ACTIVE, now, "Partnership established", null)),
                LocalDate.ofInstant(now, ZoneOffset.UTC));
        partnership.events.add(new PartnershipEstablished(id.value(), 0, ACTIVE, partnership.partnersOnTheWire(), since,
                partnership.themes(), coordinator == null ? null
                        : new PartnershipEstablished.Coordinator(coordinator.name(), coordinator.email()),
                now));
        return partnership;
    }

    /** Rebuilds a stored partnership; records no event. */
    public static Partnership restore(PartnershipId id, long version, PartnershipStatus status, List<Partner> partners,
            Integer since, Collection<Theme> themes, Coordinator coordinator, List<StatusChange> history,
            LocalDate lastActivityOn) {
        return new Partnership(id, version, status, partners, since, withNone(themes), coordinator,
                history, lastActivityOn);
    }

    /** An ACTIVE partnership goes DORMANT. */
    public void goDormant(String reason, Instant now) {
        requireStatus(ACTIVE, "go dormant");
        change(DORMANT, reason, null, now);
        events.add(new PartnershipWentDormant(id.value(), version, status, partnersOnTheWire(), themes(), reason,
                lastActivityOn, now));
    }

    /** A DORMANT partnership becomes ACTIVE again, optionally because a plan was signed. */
    public void reactivate(String reason, String planId, Instant now) {
        requireStatus(DORMANT, "be reactivated");
        change(ACTIVE, reason, planId, now);
        lastActivityOn = LocalDate.ofInstant(now, ZoneOffset.UTC);
        events.add(new PartnershipReactivated(id.value(), version, status, partnersOnTheWire(), themes(), reason, planId, now));
    }

    /**
     * Records that the partnership was active on {@code date} (an activity completed, a plan signed).
     * Only moves the last activity date forward; records no event.
     *
     * @return whether anything changed
     */
    public boolean recordActivity(LocalDate date) {
        if (status == ENDED || (lastActivityOn != null && !date.isAfter(lastActivityOn))) {
            return false;
        }
        lastActivityOn = date;
        version++;
        return true;
    }

    /** Whether an ACTIVE partnership has been without activity since before {@code cutoff}. */
    public boolean inactiveSince(LocalDate cutoff) {
        return status == ACTIVE && lastActivityOn != null && lastActivityOn.isBefore(cutoff);
    }

    /** An ACTIVE or DORMANT partnership ends for good. */
    public void terminate(String reason, Instant now) {
        if (status == ENDED) {
            throw new ConflictException("Partnership %s has already ENDED".formatted(id), "status");
        }
        change(ENDED, reason, null, now);
        events.add(new PartnershipEnded(id.value(), version, status, partnersOnTheWire(), themes(), reason, now));
    }

    /** The events recorded since the last call, oldest first. */
    public List<PartnershipEvent> pullEvents() {
        List<PartnershipEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void requireStatus(PartnershipStatus required, String action) {
        if (status != required) {
            throw new ConflictException("Partnership %s is %s; only a %s partnership can %s"
                    .formatted(id, status, required, action), "status");
        }
    }

    private void change(PartnershipStatus next, String reason, String planId, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "reason must not be blank");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason", "reason must be at most %d characters".formatted(MAX_REASON_LENGTH));
        }
        status = next;
        version++;
        history.add(new StatusChange(next, now, reason.strip(), planId));
    }

    private List<PartnershipEvent.Partner> partnersOnTheWire() {
        return partners.stream()
                .map(partner -> new PartnershipEvent.Partner(partner.id().value(), partner.name(), partner.country().code()))
                .toList();
    }

    private static Collection<Theme> withNone(Collection<Theme> themes) {
        return themes == null ? List.of() : themes;
    }

    private static EnumSet<Theme> copyOf(Collection<Theme> themes) {
        return themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes);
    }

    public PartnershipId id() {
        return id;
    }

    /** The stored version this state derives from plus one per change made since it was read. */
    public long version() {
        return version;
    }

    public PartnershipStatus status() {
        return status;
    }

    public List<Partner> partners() {
        return partners;
    }

    public Integer since() {
        return since;
    }

    public Set<Theme> themes() {
        return Collections.unmodifiableSet(copyOf(themes));
    }

    public Coordinator coordinator() {
        return coordinator;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    public LocalDate lastActivityOn() {
        return lastActivityOn;
    }
}
