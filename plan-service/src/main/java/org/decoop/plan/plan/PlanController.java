package org.decoop.plan.plan;

import static org.decoop.plan.plan.web.RequestFields.nested;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.plan.plan.domain.Activity;
import org.decoop.plan.plan.domain.ActivityId;
import org.decoop.plan.plan.domain.Party;
import org.decoop.plan.plan.domain.Plan;
import org.decoop.plan.plan.domain.PlanId;
import org.decoop.plan.plan.web.ActivityRequest;
import org.decoop.plan.plan.web.CancellationRequest;
import org.decoop.plan.plan.web.DraftPlan;
import org.decoop.plan.plan.web.PartyRequest;
import org.decoop.plan.plan.web.PlanResponse;
import org.decoop.plan.plan.web.PlanStatisticsResponse;
import org.decoop.plan.plan.web.SignatureRequest;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.Field;
import org.decoop.platform.security.CurrentCaller;
import org.decoop.platform.web.CreatedResponse;
import org.decoop.platform.web.CsvExport;
import org.decoop.platform.web.CsvExports;
import org.decoop.platform.web.ETags;
import org.jspecify.annotations.Nullable;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Action plans", description = "Yearly action plans, multi-party signing, activities and funding")
class PlanController {

	private final PlanService service;

	private final CsvExports exports;

	PlanController(PlanService service, CsvExports exports) {
		this.service = service;
		this.exports = exports;
	}

	@PostMapping
	@CreatedResponse
	@Operation(summary = "Draft a plan between two or more parties")
	ResponseEntity<PlanResponse> draft(@Valid @RequestBody DraftPlan request, @CurrentCaller Actor caller) {
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
				request.themes() == null ? List.of() : request.themes(), activities, caller);
		return ETags.created("/api/plans/" + plan.id(), plan.version(), PlanResponse.of(plan, true));
	}

	@GetMapping("/{id}")
	ResponseEntity<PlanResponse> get(@PathVariable String id, @CurrentCaller Optional<Actor> reader) {
		return withETag(service.get(new PlanId(id)), reader.isPresent());
	}

	@GetMapping(produces = CsvExport.MEDIA_TYPE)
	@Operation(
			summary = "Every activity of every plan the search finds (not one page: all of them) as CSV, RFC 4180, UTF-8, streamed",
			description = "One row per activity: plan id, year, plan status, plan title, activity id, activity title, theme, "
					+ "partnership ids (separated by '; '), then the activity's EUR from each funding source (eur_french_mfa, ...). "
					+ "A text cell starting with =, +, -, @, a tab or a carriage return is written with a ' in front, "
					+ "so that a spreadsheet shows it as text instead of running it as a formula.")
	ResponseEntity<ResponseBodyEmitter> searchAsCsv(
			@RequestParam(required = false) @Min(Plan.FIRST_YEAR) @Max(Plan.LAST_YEAR) Integer year,
			@RequestParam(required = false) PlanStatus status, @RequestParam(required = false) Theme theme,
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
			@RequestParam(required = false) PlanStatus status, @RequestParam(required = false) Theme theme,
			@RequestParam(required = false) String partnershipId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, @CurrentCaller Optional<Actor> reader) {
		boolean signedIn = reader.isPresent();
		return new PagedModel<>(service.search(year, status, theme, partnershipId, page, size)
			.map(plan -> PlanResponse.of(plan, signedIn)));
	}

	@GetMapping("/stats")
	@Operation(
			summary = "Plans by status and funding by theme, by source and by funding call (eurByCall, keyed by the call's code), for one year or all")
	PlanStatisticsResponse statistics(
			@RequestParam(required = false) @Min(Plan.FIRST_YEAR) @Max(Plan.LAST_YEAR) Integer year) {
		return PlanStatisticsResponse.of(service.statistics(year));
	}

	@PostMapping("/{id}/activities")
	@Operation(summary = "Add an activity to a DRAFT plan (409 once signed)",
			description = "A funding line that breaks the rules of the funding call it names is 422 naming funding[j], the line in this body.")
	ResponseEntity<PlanResponse> addActivity(@PathVariable String id, @Valid @RequestBody ActivityRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @CurrentCaller Actor caller) {
		return withETag(
				service.addActivity(new PlanId(id), request.toActivity(), ETags.expectedVersion(ifMatch), caller),
				true);
	}

	@PostMapping("/{id}/signatures")
	@Operation(
			summary = "Sign for a party the caller acts for; the last signature makes the plan SIGNED and publishes PlanSigned once",
			description = "Who signs is taken from the token (name, else preferred_username, and its subject), never from the body. "
					+ "The last signature is refused (422 naming activities[i].funding[j]) while a funding call a line names is not OPEN that day.")
	ResponseEntity<PlanResponse> sign(@PathVariable String id, @Valid @RequestBody SignatureRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @CurrentCaller Actor caller) {
		return withETag(service.sign(new PlanId(id), request.party(), ETags.expectedVersion(ifMatch), caller), true);
	}

	@PostMapping("/{id}/activities/{activityId}/completion")
	@Operation(summary = "Complete an activity of a SIGNED plan; the last one completes the plan")
	ResponseEntity<PlanResponse> completeActivity(@PathVariable String id, @PathVariable String activityId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @CurrentCaller Actor caller) {
		return withETag(service.completeActivity(new PlanId(id), new ActivityId(activityId),
				ETags.expectedVersion(ifMatch), caller), true);
	}

	@PostMapping("/{id}/cancellation")
	@Operation(summary = "Cancel a DRAFT plan")
	ResponseEntity<PlanResponse> cancel(@PathVariable String id,
			@Valid @RequestBody(required = false) @Nullable CancellationRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @CurrentCaller Actor caller) {
		return withETag(service.cancel(new PlanId(id), request == null ? null : request.reason(),
				ETags.expectedVersion(ifMatch), caller), true);
	}

	/** Signers' subjects depend on who asks: caches keep one answer per caller. */
	private ResponseEntity<PlanResponse> withETag(Plan plan, boolean signedIn) {
		return ETags.okPerCaller(plan.version(), PlanResponse.of(plan, signedIn));
	}

}
