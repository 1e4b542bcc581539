package org.decoop.partnership.search.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnerSearchClosed;
import org.decoop.events.partnership.PartnerSearchEvent;
import org.decoop.events.partnership.PartnerSearchOpened;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.AggregateRoot;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.decoop.platform.domain.StateConflict;
import org.jspecify.annotations.Nullable;
import java.util.Optional;

/**
 * A local authority looking for partners (the "bourse aux partenariats"): on which
 * themes, in which countries, until when. OPEN until its author (or a steward) closes it,
 * or until the day after {@code openUntil}, when it closes by itself. Days are UTC days.
 */
public final class PartnerSearch extends AggregateRoot<PartnerSearchEvent> {

	public static final int MAX_DESCRIPTION_LENGTH = 2000;

	public static final int MAX_REASON_LENGTH = 1000;

	/**
	 * A search is a call for partners, not a standing listing: it says until when, at
	 * most this far ahead.
	 */
	public static final int MAX_OPEN_YEARS = 2;

	private final PartnerSearchId id;

	private final LocalAuthority searcher;

	private final Set<Theme> themes;

	private final Set<Country> countries;

	private final String description;

	private final LocalDate openUntil;

	private final Instant openedAt;

	private final String openedBy;

	private PartnerSearchStatus status;

	private @Nullable Closure closure;

	private PartnerSearch(PartnerSearchId id, long loadedVersion, LocalAuthority searcher, Collection<Theme> themes,
			Collection<Country> countries, String description, LocalDate openUntil, Instant openedAt, String openedBy,
			PartnerSearchStatus status, @Nullable Closure closure) {
		super(loadedVersion);
		this.id = Objects.requireNonNull(id, "id");
		this.searcher = Objects.requireNonNull(searcher, "searcher");
		this.themes = Collections
			.unmodifiableSet(themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes));
		this.countries = Collections.unmodifiableSet(new LinkedHashSet<>(countries));
		this.description = description;
		this.openUntil = openUntil;
		this.openedAt = openedAt;
		this.openedBy = openedBy;
		this.status = status;
		this.closure = closure;
	}

	/**
	 * Opens a search for the authority {@code searcher}: only a caller acting for it, or
	 * a steward, may.
	 */
	public static PartnerSearch open(PartnerSearchId id, LocalAuthority searcher, List<Theme> themes,
			List<Country> countries, String description, LocalDate openUntil, Actor by, Instant now) {
		requireMayActFor(searcher, by, "open a partner search for it");
		if (themes == null || themes.isEmpty()) {
			throw new InvalidValue("themes", "name at least one theme");
		}
		if (countries == null || countries.isEmpty()) {
			throw new InvalidValue("countries", "name at least one country where a partner is wanted");
		}
		String text = description == null ? "" : description.strip();
		if (text.isEmpty()) {
			throw new InvalidValue("description", "say in a few words what you are looking for");
		}
		if (text.length() > MAX_DESCRIPTION_LENGTH) {
			throw new InvalidValue("description",
					"description must be at most %d characters".formatted(MAX_DESCRIPTION_LENGTH));
		}
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (openUntil == null || !openUntil.isAfter(today)) {
			throw new InvalidValue("openUntil", "openUntil must be a day after today (%s)".formatted(today));
		}
		if (openUntil.isAfter(today.plusYears(MAX_OPEN_YEARS))) {
			throw new InvalidValue("openUntil",
					"a search stays open at most %d years: openUntil must be on or before %s".formatted(MAX_OPEN_YEARS,
							today.plusYears(MAX_OPEN_YEARS)));
		}
		PartnerSearch search = new PartnerSearch(id, NEW, searcher, themes, countries, text, openUntil, now, by.name(),
				PartnerSearchStatus.OPEN, null);
		search.record(new PartnerSearchOpened(id.value(), search.change(), PartnerSearchStatus.OPEN,
				search.searcherOnTheWire(), search.themes, search.countryCodes(), text, openUntil, now));
		return search;
	}

	/** Rebuilds a stored search; records no event. */
	public static PartnerSearch restore(PartnerSearchId id, long storedVersion, LocalAuthority searcher,
			Collection<Theme> themes, Collection<Country> countries, String description, LocalDate openUntil,
			Instant openedAt, String openedBy, PartnerSearchStatus status, @Nullable Closure closure) {
		return new PartnerSearch(id, storedVersion, searcher, themes, countries, description, openUntil, openedAt,
				openedBy, status, closure);
	}

	/**
	 * Its author (or a steward) closes it, found a partner or not. {@code partnershipId}
	 * is the partnership it led to, checked by the caller: it must name the searcher.
	 */
	public void close(String reason, @Nullable String partnershipId, Actor by, Instant now) {
		requireClosableBy(by);
		if (reason == null || reason.isBlank()) {
			throw new InvalidValue("reason", "reason must not be blank");
		}
		if (reason.length() > MAX_REASON_LENGTH) {
			throw new InvalidValue("reason", "reason must be at most %d characters".formatted(MAX_REASON_LENGTH));
		}
		closeFor(reason.strip(), partnershipId, false, by, now);
	}

	/**
	 * Refuses a caller who may not close it (403), then a search already CLOSED (409).
	 */
	public void requireClosableBy(Actor by) {
		requireMayActFor(searcher, by, "close its partner search");
		requireOpen();
	}

	private static void requireMayActFor(LocalAuthority searcher, Actor by, String action) {
		if (!by.mayActForAny(searcher.code() == null ? List.of() : List.of(searcher.code()))) {
			throw new NotAllowed("Only a caller acting for %s, or a steward, may %s"
				.formatted(searcher.code() == null ? searcher.name() : searcher.code(), action));
		}
	}

	/**
	 * Closes the search by itself once {@code openUntil} is over (the day after it, UTC).
	 * @return whether it closed now
	 */
	public boolean expireIfOver(Actor by, Instant now) {
		if (status != PartnerSearchStatus.OPEN || !isOver(now)) {
			return false;
		}
		closeFor("Open until %s: closed by itself".formatted(openUntil), null, true, by, now);
		return true;
	}

	/** Whether {@code openUntil} is over at {@code now}. */
	public boolean isOver(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(openUntil);
	}

	private void requireOpen() {
		if (status != PartnerSearchStatus.OPEN) {
			throw new StateConflict("status", "The partner search is already CLOSED");
		}
	}

	private void closeFor(String reason, @Nullable String partnershipId, boolean expired, Actor by, Instant now) {
		status = PartnerSearchStatus.CLOSED;
		closure = new Closure(now, reason, partnershipId, expired, by.name());
		record(new PartnerSearchClosed(id.value(), change(), status, searcherOnTheWire(), themes, countryCodes(),
				openUntil, reason, partnershipId, expired, now));
	}

	private PartnerSearchEvent.Searcher searcherOnTheWire() {
		return new PartnerSearchEvent.Searcher(searcher.id().value(), searcher.code(), searcher.name(),
				searcher.country().code());
	}

	private Set<String> countryCodes() {
		Set<String> codes = new LinkedHashSet<>();
		countries.forEach(country -> codes.add(country.code()));
		return codes;
	}

	public PartnerSearchId id() {
		return id;
	}

	public LocalAuthority searcher() {
		return searcher;
	}

	public Set<Theme> themes() {
		return themes;
	}

	public Set<Country> countries() {
		return countries;
	}

	public String description() {
		return description;
	}

	public LocalDate openUntil() {
		return openUntil;
	}

	public Instant openedAt() {
		return openedAt;
	}

	public String openedBy() {
		return openedBy;
	}

	public PartnerSearchStatus status() {
		return status;
	}

	/** How it closed; empty while OPEN. */
	public Optional<Closure> closure() {
		return Optional.ofNullable(closure);
	}

}
