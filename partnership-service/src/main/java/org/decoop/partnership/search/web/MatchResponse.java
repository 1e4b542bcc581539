package org.decoop.partnership.search.web;

import java.util.List;
import java.util.Optional;

import org.decoop.partnership.search.domain.PartnerMatcher;
import org.decoop.partnership.search.domain.PartnerSearchId;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

public record MatchResponse(LocalAuthorityRef localAuthority, int score, List<String> reasons,
		@Schema(description = "Their own open search, when the match is mutual") @Nullable String searchId) {

	public static MatchResponse of(PartnerMatcher.Match match) {
		return new MatchResponse(LocalAuthorityRef.of(match.localAuthority()), match.score(), match.reasons(),
				Optional.ofNullable(match.searchId()).map(PartnerSearchId::value).orElse(null));
	}
}
