package org.decoop.partnership.search;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.search.domain.Closure;
import org.decoop.partnership.search.domain.PartnerMatcher;
import org.decoop.partnership.search.domain.PartnerSearch;
import org.decoop.partnership.search.domain.PartnerSearchId;
import org.decoop.platform.security.Callers;
import org.decoop.platform.web.CountryCode;
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
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import java.util.Optional;

@RestController
@RequestMapping("/api/partner-searches")
@Tag(name = "Partner searches", description = "Local authorities looking for partners, and who could partner with them")
class PartnerSearchController {

    private final PartnerSearchService service;
    private final Callers callers;

    PartnerSearchController(PartnerSearchService service, Callers callers) {
        this.service = service;
        this.callers = callers;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Opened; Location names the new resource",
            headers = @Header(name = "Location", description = "The new resource's path", schema = @Schema(type = "string")),
            useReturnTypeSchema = true)
    @Operation(summary = "Open a search for partners, for a local authority the caller acts for (or as a steward)")
    ResponseEntity<PartnerSearchResponse> open(@Valid @RequestBody OpenPartnerSearch request) {
        PartnerSearch search = service.open(request.localAuthorityId(), request.themes(),
                request.countries().stream().map(Country::of).toList(), request.description(), request.openUntil(),
                callers.current());
        return ResponseEntity.created(URI.create("/api/partner-searches/" + search.id()))
                .eTag(ETags.of(search.version()))
                .body(PartnerSearchResponse.of(search));
    }

    @GetMapping("/{id}")
    ResponseEntity<PartnerSearchResponse> get(@PathVariable String id) {
        PartnerSearch search = service.get(new PartnerSearchId(id));
        return ResponseEntity.ok().eTag(ETags.of(search.version())).body(PartnerSearchResponse.of(search));
    }

    @GetMapping
    @Operation(summary = "Partner searches, newest first")
    PagedModel<PartnerSearchResponse> search(
            @RequestParam(required = false) PartnerSearchStatus status,
            @RequestParam(required = false) Theme theme,
            @RequestParam(required = false) @CountryCode String country,
            @RequestParam(required = false) String localAuthorityId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new PagedModel<>(service.search(status, theme, country == null ? null : Country.of(country),
                localAuthorityId == null ? null : new LocalAuthorityId(localAuthorityId), page, size)
                .map(PartnerSearchResponse::of));
    }

    @GetMapping("/{id}/matches")
    @Operation(summary = "The local authorities the search could partner with, best first, with the reasons in words",
            description = "Authorities of the wanted countries that are not already ACTIVE partners of the searcher. A mutual"
                    + " match (their own open search wants the searcher's country on a shared theme) ranks first, then"
                    + " experience on the wanted themes, then a similar population.")
    List<MatchResponse> matches(@PathVariable String id, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return service.matches(new PartnerSearchId(id), size).stream().map(MatchResponse::of).toList();
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Close an OPEN search (409 when already CLOSED), naming the partnership it led to if any")
    ResponseEntity<PartnerSearchResponse> closure(@PathVariable String id, @Valid @RequestBody ClosePartnerSearch request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        PartnerSearch search = service.close(new PartnerSearchId(id), request.reason(), request.partnershipId(),
                ETags.expectedVersion(ifMatch), callers.current());
        return ResponseEntity.ok().eTag(ETags.of(search.version())).body(PartnerSearchResponse.of(search));
    }

    @Schema(example = """
            {"localAuthorityId": "<id of Kragujevac>", "themes": ["YOUTH", "ENVIRONMENT"], "countries": ["FR"],
             "description": "A French town for youth exchanges and a river clean-up", "openUntil": "2027-06-30"}""")
    record OpenPartnerSearch(
            @NotBlank @Size(max = 100) String localAuthorityId,
            @NotNull @Size(min = 1, max = 14) List<@NotNull Theme> themes,
            @NotNull @Size(min = 1, max = 30) List<@NotNull @CountryCode String> countries,
            @NotBlank @Size(max = PartnerSearch.MAX_DESCRIPTION_LENGTH) String description,
            @NotNull LocalDate openUntil) {
    }

    @Schema(example = """
            {"reason": "Found a partner: Suresnes", "partnershipId": "<id of the new partnership>"}""")
    record ClosePartnerSearch(
            @NotBlank @Size(max = PartnerSearch.MAX_REASON_LENGTH) String reason,
            @Size(max = 100) String partnershipId) {
    }

    record LocalAuthorityRef(String id, @Nullable String code, String name, String country) {

        static LocalAuthorityRef of(LocalAuthority authority) {
            return new LocalAuthorityRef(authority.id().value(), authority.code(), authority.name(), authority.country().code());
        }
    }

    record ClosureResponse(Instant at, String reason, @Nullable String partnershipId, boolean expired, String by) {

        static ClosureResponse of(Closure closure) {
            return new ClosureResponse(closure.at(), closure.reason(), closure.partnershipId(), closure.expired(), closure.by());
        }
    }

    record PartnerSearchResponse(
            String id,
            long version,
            PartnerSearchStatus status,
            LocalAuthorityRef localAuthority,
            Set<Theme> themes,
            List<String> countries,
            String description,
            LocalDate openUntil,
            Instant openedAt,
            String openedBy,
            @Schema(description = "How it closed; null while OPEN") @Nullable ClosureResponse closure) {

        static PartnerSearchResponse of(PartnerSearch search) {
            return new PartnerSearchResponse(search.id().value(), search.version(), search.status(),
                    LocalAuthorityRef.of(search.searcher()), search.themes(),
                    search.countries().stream().map(Country::code).toList(), search.description(), search.openUntil(),
                    search.openedAt(), search.openedBy(), search.closure().map(ClosureResponse::of).orElse(null));
        }
    }

    record MatchResponse(
            LocalAuthorityRef localAuthority,
            int score,
            List<String> reasons,
            @Schema(description = "Their own open search, when the match is mutual") @Nullable String searchId) {

        static MatchResponse of(PartnerMatcher.Match match) {
            return new MatchResponse(LocalAuthorityRef.of(match.localAuthority()), match.score(), match.reasons(),
                    Optional.ofNullable(match.searchId()).map(PartnerSearchId::value).orElse(null));
        }
    }
}
