package org.decoop.partnership.search;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.LocalAuthorities;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.PartnershipLinks;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.partnership.search.domain.PartnerMatcher;
import org.decoop.partnership.search.domain.PartnerSearch;
import org.decoop.partnership.search.domain.PartnerSearchId;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.domain.Field;
import org.decoop.platform.idempotency.CommandIds;
import org.decoop.platform.domain.UnknownReference;
import org.decoop.platform.security.Callers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.jspecify.annotations.Nullable;

/** Opens, closes and expires partner searches, and finds their matches. */
@Service
class PartnerSearchService {

	private static final Logger log = LoggerFactory.getLogger(PartnerSearchService.class);

	/**
	 * Bounds the work of one matching (an anonymous GET): at most this many authorities
	 * are ranked.
	 */
	static final int MAX_CANDIDATES = 5000;

	private final PartnerSearches searches;

	private final LocalAuthorities localAuthorities;

	private final PartnershipLinks partnerships;

	private final Clock clock;

	private final Callers callers;

	private final int maxCandidates;

	@Autowired
	PartnerSearchService(PartnerSearches searches, LocalAuthorities localAuthorities, PartnershipLinks partnerships,
			Clock clock, Callers callers) {
		this(searches, localAuthorities, partnerships, clock, callers, MAX_CANDIDATES);
	}

	PartnerSearchService(PartnerSearches searches, LocalAuthorities localAuthorities, PartnershipLinks partnerships,
			Clock clock, Callers callers, int maxCandidates) {
		this.maxCandidates = maxCandidates;
		this.searches = searches;
		this.localAuthorities = localAuthorities;
		this.partnerships = partnerships;
		this.clock = clock;
		this.callers = callers;
	}

	PartnerSearch open(String localAuthorityId, List<Theme> themes, List<Country> countries, String description,
			LocalDate openUntil, Actor by) {
		LocalAuthority searcher = localAuthorities.byId(new LocalAuthorityId(localAuthorityId))
			.orElseThrow(() -> new UnknownReference(Field.named("localAuthorityId"),
					Phrase.of("partnership.search.unknown-authority", localAuthorityId)));
		return searches.add(PartnerSearch.open(CommandIds.newId(PartnerSearchId::new), searcher, themes, countries,
				description, openUntil, by, clock.instant()));
	}

	PartnerSearch get(PartnerSearchId id) {
		return searches.get(id);
	}

	Page<PartnerSearch> search(@Nullable PartnerSearchStatus status, @Nullable Theme theme, @Nullable Country country,
			@Nullable LocalAuthorityId searcher, int page, int size) {
		return searches.search(status, theme, country, searcher, page, size);
	}

	/**
	 * Closes a search; a named partnership must exist and count the searcher among its
	 * partners.
	 */
	PartnerSearch close(PartnerSearchId id, String reason, @Nullable String partnershipId, ExpectedVersion expected,
			Actor by) {
		return searches.change(id, expected, search -> {
			// who may, and whether it is still open, before what the partnership id names
			search.requireClosableBy(by);
			if (partnershipId != null) {
				Partnership partnership = partnerships.byId(new PartnershipId(partnershipId))
					.orElseThrow(() -> new UnknownReference(Field.named("partnershipId"),
							Phrase.of("partnership.search.unknown-partnership", partnershipId)));
				if (partnership.partners().stream().noneMatch(partner -> partner.id().equals(search.searcher().id()))) {
					throw new UnknownReference(Field.named("partnershipId"), Phrase
						.of("partnership.search.partnership-not-of-searcher", partnershipId, search.searcher().name()));
				}
			}
			search.close(reason, partnershipId, by, clock.instant());
		});
	}

	/**
	 * The authorities the search could partner with, best first, at most {@code limit}.
	 * Two reads give the ranking what it favours: the open searches that want the
	 * searcher's country (mutual matches) and the partnerships on a wanted theme in a
	 * wanted country (experience).
	 */
	List<PartnerMatcher.Match> matches(PartnerSearchId id, int limit) {
		PartnerSearch search = searches.get(id);
		List<Partnership> ofSearcher = partnerships.notEndedOf(List.of(search.searcher().id()));
		List<PartnerSearch> wantingUs = searches.openWanting(search.searcher().country(), maxCandidates)
			.stream()
			.filter(theirs -> search.countries().contains(theirs.searcher().country()))
			.toList();
		List<Partnership> onWantedThemes = partnerships.notEndedOn(search.themes(), search.countries(), maxCandidates);
		List<LocalAuthority> candidates = candidates(search, wantingUs, onWantedThemes);

		List<PartnerMatcher.Match> ranked = PartnerMatcher.rank(search,
				PartnerMatcher.Facts.of(search, candidates, ofSearcher, wantingUs, onWantedThemes));
		return ranked.subList(0, Math.min(limit, ranked.size()));
	}

	/**
	 * Closes the OPEN searches whose {@code openUntil} is over; returns how many. Safe on
	 * several replicas.
	 */
	int closeOverSearches() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		int closed = 0;
		for (PartnerSearch search : searches.openUntilBefore(today, 500)) {
			// Conditional on the version read: another replica closing it at the same
			// moment makes this a no-op.
			try {
				if (search.expireIfOver(callers.system(), clock.instant())) {
					searches.save(search);
					closed++;
				}
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				// closed by someone else meanwhile
			}
			catch (RuntimeException e) {
				// one search that cannot be closed must not keep the others open
				log.warn("Could not close partner search {} past its openUntil; going on with the others", search.id(),
						e);
			}
		}
		return closed;
	}

	/**
	 * The authorities worth ranking, bounded: first those the ranking has something to
	 * say for (an open search of theirs that wants the searcher's country, partnerships
	 * on a wanted theme), then the others of each wanted country, an equal share each, up
	 * to {@code maxCandidates}.
	 */
	private List<LocalAuthority> candidates(PartnerSearch search, List<PartnerSearch> wantingUs,
			List<Partnership> onWantedThemes) {
		Set<LocalAuthorityId> relevant = new LinkedHashSet<>();
		wantingUs.forEach(theirs -> relevant.add(theirs.searcher().id()));
		for (Partnership partnership : onWantedThemes) {
			partnership.partners()
				.stream()
				.filter(partner -> search.countries().contains(partner.country()))
				.forEach(partner -> relevant.add(partner.id()));
		}
		Map<LocalAuthorityId, LocalAuthority> chosen = new LinkedHashMap<>(
				localAuthorities.byIds(relevant.stream().limit(maxCandidates).toList()));
		int remaining = maxCandidates - chosen.size();
		if (remaining > 0) {
			int share = Math.max(1, remaining / search.countries().size());
			for (Country country : search.countries()) {
				for (LocalAuthority other : localAuthorities.inCountries(List.of(country), share)) {
					chosen.putIfAbsent(other.id(), other);
				}
			}
		}
		return List.copyOf(chosen.values());
	}

}
