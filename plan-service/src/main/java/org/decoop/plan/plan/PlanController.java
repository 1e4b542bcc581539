package org.decoop.plan.plan;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.decoop.events.FundingSource;
import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.plan.plan.domain.Activity;
import org.decoop.plan.plan.domain.ActivityId;
import org.decoop.plan.plan.domain.FundingLine;
import org.decoop.plan.plan.domain.Party;
import org.decoop.plan.plan.domain.Plan;
import org.decoop.plan.plan.domain.PlanId;
import org.decoop.plan.plan.domain.Signature;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.security.Callers;
import org.decoop.platform.web.CsvExport;
import org.decoop.platform.web.CsvExports;
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
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Action plans", description = "Yearly action plans, multi-party signing, activities and funding")
class PlanController {

    private final PlanService service;
    private final Callers callers;
    private final CsvExports exports;

    PlanController(PlanService service, Callers callers, CsvExports exports) {
        this.service = service;
        this.callers = callers;
        this.exports = exports;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource",
            headers = @Header(name = "Location", description = "The new resource's path", schema = @Schema(type = "string")),
            useReturnTypeSchema = true)
    @Operation(summary = "Draft a plan between two or more parties")
    ResponseEntity<PlanResponse> draft(@Valid @RequestBody DraftPlan request) {
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < request.parties().size(); i++) {
            PartyRequest party = request.parties().get(i);
            parties.add(nested(Field.named("parties").at(i), () -> new Party(party.code(), party.name())));
        }
        List<Activity> activities = new ArrayList<>();
        List<ActivityRequest> requested = request.activities() == null ? List.of() : request.activities();
        for (int i = 0; i < requested.size(); i++) {
            activities.add(requested.get(i).toActivity(Field.named("activities").at(i)));
        }
        Plan plan = service.draft(request.year(), request.title(), parties,
                request.themes() == null ? List.of() : request.themes(), activities, callers.current());
        return ResponseEntity.created(URI.create("/api/plans/" + plan.id())).eTag(ETags.of(plan.version()))
                .body(PlanResponse.of(plan, true));
    }

    @GetMapping("/{id}")
    ResponseEntity<PlanResponse> get(@PathVariable String id) {
        return withETag(service.get(new PlanId(id)));
    }

    @GetMapping(produces = CsvExport.MEDIA_TYPE)
    @Operation(summary = "Every activity of every plan the search finds (not one page: all of them) as CSV, RFC 4180, UTF-8, streamed",
            description = "One row per activity: plan id, year, plan status, plan title, activity id, activity title, theme, "
                    + "partnership ids (separated by '; '), then the activity's EUR from each funding source (eur_french_mfa, ...). "
                    + "A text cell starting with =, +, -, @, a tab or a carriage return is written with a ' in front, "
                    + "so that a spreadsheet shows it as text instead of running it as a formula.")
    ResponseEntity<ResponseBodyEmitter> searchAsCsv(
            @RequestParam(required = false) @Min(Plan.FIRST_YEAR) @Max(Plan.LAST_YEAR) Integer year,
            @RequestParam(required = false) PlanStatus status,
            @RequestParam(required = false) Theme theme,
            @RequestParam(required = false) String partnershipId) {
        StreamingResponseBody rows = out -> {
            try (Stream<Plan> all = service.all(year, status, theme, partnershipId)) {
                PlansCsv.write(all, out);
            }
        };
        return exports.attachment("plans.csv", rows);
    }

    @GetMapping
    PagedModel<PlanResponse> search(
            @RequestParam(required = false) @Min(Plan.FIRST_YEAR) @Max(Plan.LAST_YEAR) Integer year,
            @RequestParam(required = false) PlanStatus status,
            @RequestParam(required = false) Theme theme,
            @RequestParam(required = false) String partnershipId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        boolean signedIn = callers.signedIn().isPresent();
        return new PagedModel<>(service.search(year, status, theme, partnershipId, page, size)
                .map(plan -> PlanResponse.of(plan, signedIn)));
    }

    @GetMapping("/stats")
    @Operation(summary = "Plans by status and funding by theme, by source and by funding call (eurByCall, keyed by the call's code), for one year or all")
    PlanStatisticsResponse statistics(@RequestParam(required = false) @Min(Plan.FIRST_YEAR) @Max(Plan.LAST_YEAR) Integer year) {
        return PlanStatisticsResponse.of(service.statistics(year));
    }

    @PostMapping("/{id}/activities")
    @Operation(summary = "Add an activity to a DRAFT plan (409 once signed)",
            description = "A funding line that breaks the rules of the funding call it names is 422 naming funding[j], the line in this body.")
    ResponseEntity<PlanResponse> addActivity(@PathVariable String id, @Valid @RequestBody ActivityRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(service.addActivity(new PlanId(id), request.toActivity(null), ETags.expectedVersion(ifMatch),
                callers.current()));
    }

    @PostMapping("/{id}/signatures")
    @Operation(summary = "Sign for a party the caller acts for; the last signature makes the plan SIGNED and publishes PlanSigned once",
            description = "Who signs is taken from the token (name, else preferred_username, and its subject), never from the body. "
                    + "The last signature is refused (422 naming activities[i].funding[j]) while a funding call a line names is not OPEN that day.")
    ResponseEntity<PlanResponse> sign(@PathVariable String id, @Valid @RequestBody SignatureRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(service.sign(new PlanId(id), request.party(), ETags.expectedVersion(ifMatch), callers.current()));
    }

    @PostMapping("/{id}/activities/{activityId}/completion")
    @Operation(summary = "Complete an activity of a SIGNED plan; the last one completes the plan")
    ResponseEntity<PlanResponse> completeActivity(@PathVariable String id, @PathVariable String activityId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(service.completeActivity(new PlanId(id), new ActivityId(activityId), ETags.expectedVersion(ifMatch),
                callers.current()));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel a DRAFT plan")
    ResponseEntity<PlanResponse> cancel(@PathVariable String id, @Valid @RequestBody(required = false) CancellationRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(service.cancel(new PlanId(id), request == null ? null : request.reason(), ETags.expectedVersion(ifMatch),
                callers.current()));
    }

    /** Signers' subjects depend on who asks: caches keep one answer per caller. */
    private ResponseEntity<PlanResponse> withETag(Plan plan) {
        return ResponseEntity.ok().eTag(ETags.of(plan.version())).varyBy(HttpHeaders.AUTHORIZATION)
                .body(PlanResponse.of(plan, callers.signedIn().isPresent()));
    }

    /** Builds a domain value, naming the request field it comes from in its validation errors (none: top level). */
    private static <T> T nested(Field place, Supplier<T> build) {
        try {
            return build.get();
        }
        catch (InvalidValue e) {
            throw place == null ? e : e.within(place);
        }
    }

    @Schema(example = """
            {"year": 2020, "title": "Akcioni plan 2020",
             "parties": [{"code": "AMBAFRANCE-RS", "name": "Ambassade de France en Serbie"},
                         {"code": "SKGO", "name": "Stalna konferencija gradova i opština"}],
             "themes": ["GENDER_EQUALITY", "YOUTH", "ENVIRONMENT"],
             "activities": [{"title": "Youth exchange Nevers – Sremska Mitrovica", "theme": "YOUTH",
                             "partnershipIds": ["<partnership id>"], "startsOn": "2020-04-01", "endsOn": "2020-10-31",
                             "funding": [{"source": "FRENCH_MFA", "amountEur": 15000}, {"source": "LOCAL_BUDGET", "amountEur": 8000}]}]}""")
    record DraftPlan(
            @NotNull @Min(Plan.FIRST_YEAR) @Max(Plan.LAST_YEAR) Integer year,
            @NotBlank @Size(max = Plan.MAX_TITLE_LENGTH) String title,
            @NotNull @Size(min = Plan.MIN_PARTIES, max = 20) List<@Valid @NotNull PartyRequest> parties,
            List<@NotNull Theme> themes,
            @Size(max = 200) List<@Valid @NotNull ActivityRequest> activities) {
    }

    record PartyRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,50}", message = "2 to 51 upper-case letters, digits, '-' or '_'") String code,
            @NotBlank @Size(max = 200) String name) {
    }

    @Schema(example = """
            {"title": "Local economic development forum", "theme": "LOCAL_ECONOMIC_DEVELOPMENT",
             "partnershipIds": ["<partnership id>"], "funding": [{"source": "EU_CALL", "amountEur": 40000}]}""")
    record ActivityRequest(
            @NotBlank @Size(max = Activity.MAX_TITLE_LENGTH) String title,
            @NotNull Theme theme,
            @Size(max = 50) List<@NotBlank String> partnershipIds,
            LocalDate startsOn,
            LocalDate endsOn,
            @Size(max = 20) List<@Valid @NotNull FundingRequest> funding) {

        /** The domain activity; {@code place} is where it sits in the request (none: it is the request). */
        Activity toActivity(Field place) {
            List<FundingLine> lines = new ArrayList<>();
            List<FundingRequest> requested = funding == null ? List.of() : funding;
            for (int i = 0; i < requested.size(); i++) {
                FundingRequest line = requested.get(i);
                Field lineField = place == null ? Field.named("funding").at(i) : Field.named("funding").at(i).within(place);
                lines.add(nested(lineField, () -> new FundingLine(line.source(), line.amountEur(), line.callId())));
            }
            return nested(place, () -> Activity.planned(title, theme, partnershipIds, startsOn, endsOn, lines));
        }
    }

    /**
     * {@code callId}: the funding call the money comes from, if any; the line must then follow the
     * call's rules (422 naming the line otherwise), and the call must be OPEN when the plan is signed.
     */
    record FundingRequest(
            @NotNull FundingSource source,
            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amountEur,
            @Size(min = 1, max = 64) String callId) {
    }

    @Schema(example = """
            {"party": "SKGO"}""")
    record SignatureRequest(@NotBlank @Size(max = 51) String party) {
    }

    @Schema(example = """
            {"reason": "Merged into the 2021 plan"}""")
    record CancellationRequest(@Size(max = 1000) String reason) {
    }

    record PlanResponse(
            String id,
            long version,
            int year,
            String title,
            PlanStatus status,
            List<PartyResponse> parties,
            Set<Theme> themes,
            List<ActivityResponse> activities,
            Totals totals,
            String cancellationReason) {

        /** @param showSignerIds whether the reader is signed in: a Keycloak subject is not open data */
        static PlanResponse of(Plan plan, boolean showSignerIds) {
            return new PlanResponse(plan.id().value(), plan.version(), plan.year(), plan.title(), plan.status(),
                    plan.parties().stream().map(party -> {
                        Signature signature = plan.signatures().stream()
                                .filter(s -> s.party().equals(party.code())).findFirst().orElse(null);
                        return new PartyResponse(party.code(), party.name(),
                                signature == null ? null : signature.signedBy(),
                                signature == null || !showSignerIds ? null : signature.signerId(),
                                signature == null ? null : signature.signedAt());
                    }).toList(),
                    plan.themes(),
                    plan.activities().stream().map(ActivityResponse::of).toList(),
                    new Totals(plan.totalEur(), plan.fundingBySource(), plan.fundingByTheme()),
                    plan.cancellationReason());
        }
    }

    /** {@code signedBy}: the signer's name; {@code signerId}: their token's subject, shown to signed-in readers only (null otherwise). */
    record PartyResponse(String code, String name, String signedBy, String signerId, Instant signedAt) {
    }

    record ActivityResponse(String id, String title, Theme theme, List<String> partnershipIds, LocalDate startsOn,
            LocalDate endsOn, List<FundingLine> funding, BigDecimal totalEur, LocalDate completedOn) {

        static ActivityResponse of(Activity activity) {
            return new ActivityResponse(activity.id().value(), activity.title(), activity.theme(), activity.partnershipIds(),
                    activity.startsOn(), activity.endsOn(), activity.funding(), activity.totalEur(), activity.completedOn());
        }
    }

    record Totals(BigDecimal totalEur, Map<FundingSource, BigDecimal> bySourceEur, Map<Theme, BigDecimal> byThemeEur) {
    }

    /**
     * What {@code GET /api/plans/stats} answers. {@code eurByCall}: the EUR of the funding lines
     * that name a funding call, by the call's code (only calls some line names).
     */
    record PlanStatisticsResponse(Integer year, Map<PlanStatus, Long> plansByStatus, Map<Theme, BigDecimal> fundingByThemeEur,
            Map<FundingSource, BigDecimal> fundingBySourceEur, BigDecimal totalFundingEur, Map<String, BigDecimal> eurByCall) {

        static PlanStatisticsResponse of(Plans.PlanStatistics statistics) {
            return new PlanStatisticsResponse(statistics.year(), statistics.plansByStatus(), statistics.fundingByThemeEur(),
                    statistics.fundingBySourceEur(), statistics.totalFundingEur(), statistics.eurByCall());
        }
    }
}
