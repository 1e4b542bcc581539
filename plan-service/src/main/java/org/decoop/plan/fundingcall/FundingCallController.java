package org.decoop.plan.fundingcall;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.plan.fundingcall.domain.FundingCallId;
import org.decoop.plan.fundingcall.domain.FundingCallStatus;
import org.decoop.platform.security.Callers;
import org.decoop.platform.web.CountryCode;
import org.decoop.platform.web.ETags;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/funding-calls")
@Tag(name = "Funding calls", description = "Calls for funding published by stewards; funding lines of plans may name one")
class FundingCallController {

    private final FundingCallService service;
    private final Callers callers;

    FundingCallController(FundingCallService service, Callers callers) {
        this.service = service;
        this.callers = callers;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource",
            headers = @Header(name = "Location", description = "The new resource's path", schema = @Schema(type = "string")),
            useReturnTypeSchema = true)
    @Operation(summary = "Publish a funding call (stewards only); a code already used is 409",
            description = "Publishes FundingCallPublished; FundingCallClosingSoon and FundingCallClosed follow by themselves.")
    ResponseEntity<FundingCallResponse> publish(@Valid @RequestBody PublishFundingCall request) {
        FundingCall call = service.publish(request.code(), request.title(), request.funder(), request.themes(),
                request.eligibleCountries().stream().map(Country::of).toList(), request.opensOn(), request.closesOn(),
                request.maxGrantEur(), request.maxCoFinancingRate(), callers.current());
        return ResponseEntity.created(URI.create("/api/funding-calls/" + call.id())).eTag(ETags.of(call.version()))
                .body(FundingCallResponse.of(call, service.today()));
    }

    @GetMapping("/{id}")
    ResponseEntity<FundingCallResponse> get(@PathVariable String id) {
        FundingCall call = service.get(new FundingCallId(id));
        return ResponseEntity.ok().eTag(ETags.of(call.version())).body(FundingCallResponse.of(call, service.today()));
    }

    @GetMapping
    @Operation(summary = "Funding calls, soonest deadline first; the status is derived from the dates and today (UTC)")
    PagedModel<FundingCallResponse> search(
            @RequestParam(required = false) FundingCallStatus status,
            @RequestParam(required = false) Theme theme,
            @RequestParam(required = false) FundingSource funder,
            @RequestParam(required = false) @Size(max = 64) String code,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        LocalDate today = service.today();
        return new PagedModel<>(service.search(status, theme, funder, code, page, size)
                .map(call -> FundingCallResponse.of(call, today)));
    }

    @Schema(example = """
            {"code": "MEAE-FR-RS-2020", "title": "Appel à projets franco-serbe de coopération décentralisée",
             "funder": "FRENCH_MFA", "themes": ["YOUTH", "ENVIRONMENT"], "eligibleCountries": ["FR", "RS"],
             "opensOn": "2020-01-15", "closesOn": "2030-12-31", "maxGrantEur": 20000, "maxCoFinancingRate": 0.7}""")
    record PublishFundingCall(
            @NotBlank @Pattern(regexp = FundingCall.CODE_PATTERN,
                    message = "2 to 64 upper-case letters, digits or '-', starting with a letter or digit") String code,
            @NotBlank @Size(max = FundingCall.MAX_TITLE_LENGTH) String title,
            @NotNull FundingSource funder,
            @NotNull @Size(min = 1, max = 50) List<@NotNull Theme> themes,
            @NotNull @Size(min = 1, max = 300) List<@NotNull @CountryCode String> eligibleCountries,
            @NotNull LocalDate opensOn,
            @NotNull LocalDate closesOn,
            @NotNull @PositiveOrZero @Digits(integer = FundingCall.MAX_GRANT_DIGITS, fraction = 2) BigDecimal maxGrantEur,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
            @Digits(integer = 1, fraction = FundingCall.MAX_RATE_DECIMALS) BigDecimal maxCoFinancingRate) {
    }

    /** {@code status}: on the day of the answer (UTC); {@code publishedBy}: the steward's name. */
    record FundingCallResponse(
            String id,
            long version,
            String code,
            String title,
            FundingSource funder,
            Set<Theme> themes,
            Set<String> eligibleCountries,
            LocalDate opensOn,
            LocalDate closesOn,
            BigDecimal maxGrantEur,
            BigDecimal maxCoFinancingRate,
            FundingCallStatus status,
            Instant publishedAt,
            String publishedBy) {

        static FundingCallResponse of(FundingCall call, LocalDate today) {
            return new FundingCallResponse(call.id().value(), call.version(), call.code(), call.title(), call.funder(),
                    call.themes(), call.eligibleCountries(), call.opensOn(), call.closesOn(), call.maxGrantEur(),
                    call.maxCoFinancingRate(), call.statusOn(today), call.publishedAt(), call.publishedBy());
        }
    }
}
