package org.decoop.partnership.search;

import java.util.List;

import org.decoop.events.Country;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.search.domain.PartnerSearch;
import org.decoop.partnership.search.domain.PartnerSearchId;
import org.decoop.partnership.search.web.ClosePartnerSearch;
import org.decoop.partnership.search.web.MatchResponse;
import org.decoop.partnership.search.web.OpenPartnerSearch;
import org.decoop.partnership.search.web.PartnerSearchResponse;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.security.CurrentCaller;
import org.decoop.platform.web.CountryCode;
import org.decoop.platform.web.CreatedResponse;
import org.decoop.platform.web.ETags;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/partner-searches")
@Tag(name = "Partner searches", description = "Local authorities looking for partners, and who could partner with them")
class PartnerSearchController {

	private final PartnerSearchService service;

	PartnerSearchController(PartnerSearchService service) {
		this.service = service;
	}

	@PostMapping
	@CreatedResponse("Opened; Location names the new resource")
	@Operation(summary = "Open a search for partners, for a local authority the caller acts for (or as a steward)")
	ResponseEntity<PartnerSearchResponse> open(@Valid @RequestBody OpenPartnerSearch request,
			@CurrentCaller Actor caller) {
		PartnerSearch search = service.open(request.localAuthorityId(), request.themes(),
				request.countries().stream().map(Country::of).toList(), request.description(), request.openUntil(),
				caller);
		return ETags.created("/api/partner-searches/" + search.id(), search.version(),
				PartnerSearchResponse.of(search));
	}

	@GetMapping("/{id}")
	ResponseEntity<PartnerSearchResponse> get(@PathVariable String id) {
		PartnerSearch search = service.get(new PartnerSearchId(id));
		return ETags.ok(search.version(), PartnerSearchResponse.of(search));
	}

	@GetMapping
	@Operation(summary = "Partner searches, newest first")
	PagedModel<PartnerSearchResponse> search(@RequestParam(required = false) PartnerSearchStatus status,
			@RequestParam(required = false) Theme theme, @RequestParam(required = false) @CountryCode String country,
			@RequestParam(required = false) String localAuthorityId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return new PagedModel<>(service
			.search(status, theme, country == null ? null : Country.of(country),
					localAuthorityId == null ? null : new LocalAuthorityId(localAuthorityId), page, size)
			.map(PartnerSearchResponse::of));
	}

	@GetMapping("/{id}/matches")
	@Operation(summary = "The local authorities the search could partner with, best first, with the reasons in words",
			description = "Authorities of the wanted countries that are not already ACTIVE partners of the searcher. A mutual"
					+ " match (their own open search wants the searcher's country on a shared theme) ranks first, then"
					+ " experience on the wanted themes, then a similar population.")
	List<MatchResponse> matches(@PathVariable String id,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return service.matches(new PartnerSearchId(id), size).stream().map(MatchResponse::of).toList();
	}

	@PostMapping("/{id}/closure")
	@Operation(summary = "Close an OPEN search (409 when already CLOSED), naming the partnership it led to if any")
	ResponseEntity<PartnerSearchResponse> closure(@PathVariable String id,
			@Valid @RequestBody ClosePartnerSearch request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @CurrentCaller Actor caller) {
		PartnerSearch search = service.close(new PartnerSearchId(id), request.reason(), request.partnershipId(),
				ETags.expectedVersion(ifMatch), caller);
		return ETags.ok(search.version(), PartnerSearchResponse.of(search));
	}

}
