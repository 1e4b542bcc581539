package org.decoop.partnership.search.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.jspecify.annotations.Nullable;

/**
 * Ranks the local authorities a search could partner with. Candidates are the authorities
 * of the wanted countries, minus the searcher and its ACTIVE partners. Then, in this
 * order of weight: a mutual match (their own open search wants the searcher's country on
 * a shared theme) first, then experience on the wanted themes (partnerships of theirs on
 * them), then a similar population. Each point of the score comes with a reason in words.
 */
public final class PartnerMatcher {

	static final int MUTUAL = 1000;
	static final int PER_THEME_WITH_EXPERIENCE = 20;
	static final int PER_EXPERIENCED_PARTNER = 1;
	static final int MAX_EXPERIENCE_PARTNERS_COUNTED = 9;
	static final int MAX_POPULATION_SCORE = 5;

	/** From this closeness on (a ratio of 2 at most), populations are called similar. */
	static final int SIMILAR = 3;

	/**
	 * What the ranking knows of the neighbourhood of a search.
	 *
	 * @param candidates the local authorities of the wanted countries
	 * @param activePartners the searcher's ACTIVE partners: never proposed
	 * @param dormantPartners the searcher's DORMANT partners: proposed, with a hint
	 * @param openSearches the candidates' own OPEN searches
	 * @param partnersByTheme per candidate and theme, the authorities it is partnered
	 * with (ACTIVE or DORMANT)
	 */
	public record Facts(List<LocalAuthority> candidates, Set<LocalAuthorityId> activePartners,
			Set<LocalAuthorityId> dormantPartners, Map<LocalAuthorityId, List<PartnerSearch>> openSearches,
			Map<LocalAuthorityId, Map<Theme, Set<LocalAuthorityId>>> partnersByTheme) {

		/**
		 * The facts of a search's neighbourhood, from what was read of it.
		 * @param ofSearcher the searcher's partnerships that have not ended
		 * @param wantingUs the OPEN searches that want the searcher's country
		 * @param onWantedThemes partnerships that have not ended, on a wanted theme in a
		 * wanted country
		 */
		public static Facts of(PartnerSearch search, List<LocalAuthority> candidates, List<Partnership> ofSearcher,
				List<PartnerSearch> wantingUs, List<Partnership> onWantedThemes) {
			LocalAuthorityId searcher = search.searcher().id();
			Set<LocalAuthorityId> active = new HashSet<>();
			Set<LocalAuthorityId> dormant = new HashSet<>();
			for (Partnership partnership : ofSearcher) {
				Set<LocalAuthorityId> others = partnerIds(partnership);
				others.remove(searcher);
				(partnership.status() == PartnershipStatus.ACTIVE ? active : dormant).addAll(others);
			}

			Set<LocalAuthorityId> candidateIds = candidates.stream()
				.map(LocalAuthority::id)
				.collect(Collectors.toSet());
			Map<LocalAuthorityId, Map<Theme, Set<LocalAuthorityId>>> partnersByTheme = new HashMap<>();
			for (Partnership partnership : onWantedThemes) {
				Set<LocalAuthorityId> members = partnerIds(partnership);
				for (LocalAuthorityId member : members) {
					if (!candidateIds.contains(member)) {
						continue;
					}
					Map<Theme, Set<LocalAuthorityId>> byTheme = partnersByTheme.computeIfAbsent(member,
							m -> new EnumMap<>(Theme.class));
					for (Theme theme : partnership.themes()) {
						Set<LocalAuthorityId> withThem = byTheme.computeIfAbsent(theme, t -> new HashSet<>());
						members.stream().filter(other -> !other.equals(member)).forEach(withThem::add);
					}
				}
			}
			Map<LocalAuthorityId, List<PartnerSearch>> openSearches = wantingUs.stream()
				.collect(Collectors.groupingBy(theirs -> theirs.searcher().id()));
			return new Facts(candidates, active, dormant, openSearches, partnersByTheme);
		}

		private static Set<LocalAuthorityId> partnerIds(Partnership partnership) {
			return partnership.partners().stream().map(Partner::id).collect(Collectors.toCollection(HashSet::new));
		}
	}

	/**
	 * A proposed partner: {@code searchId} is its own open search when the match is
	 * mutual.
	 */
	public record Match(LocalAuthority localAuthority, int score, List<String> reasons,
			@Nullable PartnerSearchId searchId) {
	}

	private PartnerMatcher() {
	}

	public static List<Match> rank(PartnerSearch search, Facts facts) {
		LocalAuthority searcher = search.searcher();
		return facts.candidates()
			.stream()
			.filter(candidate -> !candidate.id().equals(searcher.id()))
			.filter(candidate -> search.countries().contains(candidate.country()))
			.filter(candidate -> !facts.activePartners().contains(candidate.id()))
			.map(candidate -> match(search, candidate, facts))
			.sorted(Comparator.comparingInt(Match::score)
				.reversed()
				.thenComparing(match -> match.localAuthority().nameKey())
				.thenComparing(match -> match.localAuthority().id().value()))
			.toList();
	}

	private static Match match(PartnerSearch search, LocalAuthority candidate, Facts facts) {
		int score = 0;
		List<String> reasons = new ArrayList<>();
		PartnerSearchId theirSearch = null;

		Optional<PartnerSearch> mutual = facts.openSearches()
			.getOrDefault(candidate.id(), List.of())
			.stream()
			.filter(theirs -> theirs.countries().contains(search.searcher().country()))
			.filter(theirs -> !shared(theirs.themes(), search.themes()).isEmpty())
			.max(Comparator.comparingInt(theirs -> shared(theirs.themes(), search.themes()).size()));
		if (mutual.isPresent()) {
			score += MUTUAL;
			theirSearch = mutual.get().id();
			reasons.add("also looking for a partner in %s on %s".formatted(search.searcher().country().code(),
					listed(shared(mutual.get().themes(), search.themes()))));
		}

		Map<Theme, Set<LocalAuthorityId>> experience = facts.partnersByTheme().getOrDefault(candidate.id(), Map.of());
		for (Theme theme : search.themes()) {
			int partners = experience.getOrDefault(theme, Set.of()).size();
			if (partners > 0) {
				score += PER_THEME_WITH_EXPERIENCE
						+ PER_EXPERIENCED_PARTNER * Math.min(partners, MAX_EXPERIENCE_PARTNERS_COUNTED);
				reasons.add("already partnered with %d %s on %s".formatted(partners,
						partners == 1 ? "authority" : "authorities", theme));
			}
		}

		int closeness = populationCloseness(search.searcher().population(), candidate.population());
		if (closeness > 0) {
			score += closeness;
			reasons.add("%s: %d inhabitants, against %d".formatted(
					closeness >= SIMILAR ? "a similar population" : "a population of the same order",
					candidate.population(), search.searcher().population()));
		}

		if (facts.dormantPartners().contains(candidate.id())) {
			reasons.add("your partnership with it is DORMANT: reactivating it is an option");
		}
		if (reasons.isEmpty()) {
			reasons.add("a %s in %s".formatted(candidate.kind().name().toLowerCase(Locale.ROOT),
					candidate.country().code()));
		}
		return new Match(candidate, score, List.copyOf(reasons), theirSearch);
	}

	/**
	 * 0 to {@value #MAX_POPULATION_SCORE}: how alike two populations are, by their ratio
	 * (a town of 40 000 is closer to one of 60 000 than to one of 400 000). 0 when either
	 * is unknown.
	 */
	static int populationCloseness(@Nullable Integer ours, @Nullable Integer theirs) {
		if (ours == null || theirs == null) {
			return 0;
		}
		double ratio = (double) Math.max(ours, theirs) / Math.min(ours, theirs);
		if (ratio <= 1.25) {
			return 5;
		}
		if (ratio <= 1.5) {
			return 4;
		}
		if (ratio <= 2) {
			return 3;
		}
		if (ratio <= 4) {
			return 2;
		}
		return ratio <= 10 ? 1 : 0;
	}

	private static Set<Theme> shared(Set<Theme> theirs, Set<Theme> ours) {
		Set<Theme> both = theirs.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(theirs);
		both.retainAll(ours);
		return both;
	}

	private static String listed(Set<Theme> themes) {
		return themes.stream().map(Theme::name).collect(Collectors.joining(", "));
	}

}
