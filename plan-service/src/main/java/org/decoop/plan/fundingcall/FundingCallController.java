package org.decoop.plan.fundingcall;

import java.time.LocalDate;

import org.decoop.events.Country;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.plan.fundingcall.domain.FundingCallId;
import org.decoop.plan.fundingcall.domain.FundingCallStatus;
import org.decoop.plan.fundingcall.web.FundingCallResponse;
import org.decoop.plan.fundingcall.web.PublishFundingCall;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.security.CurrentCaller;
import org.decoop.platform.web.CreatedResponse;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/funding-calls")
@Tag(name = "Funding calls",
		description = "Calls for funding published by stewards; funding lines of plans may name one")
class FundingCallController {

	private final FundingCallService service;

	FundingCallController(FundingCallService service) {
		this.service = service;
	}

	@PostMapping
	@CreatedResponse
	@Operation(summary = "Publish a funding call (stewards only); a code already used is 409",
			description = "Publishes FundingCallPublished; FundingCallClosingSoon and FundingCallClosed follow by themselves.")
	ResponseEntity<FundingCallResponse> publish(@Valid @RequestBody PublishFundingCall request,
			@CurrentCaller Actor caller) {
		FundingCall call = service.publish(request.code(), request.title(), request.funder(), request.themes(),
				request.eligibleCountries().stream().map(Country::of).toList(), request.opensOn(), request.closesOn(),
				request.maxGrantEur(), request.maxCoFinancingRate(), caller);
		return ETags.created("/api/funding-calls/" + call.id(), call.version(),
				FundingCallResponse.of(call, service.today()));
	}

	@GetMapping("/{id}")
	ResponseEntity<FundingCallResponse> get(@PathVariable String id) {
		FundingCall call = service.get(new FundingCallId(id));
		return ETags.ok(call.version(), FundingCallResponse.of(call, service.today()));
	}

	@GetMapping
	@Operation(summary = "Funding calls, soonest deadline first; the status is derived from the dates and today (UTC)")
	PagedModel<FundingCallResponse> search(@RequestParam(required = false) FundingCallStatus status,
			@RequestParam(required = false) Theme theme, @RequestParam(required = false) FundingSource funder,
			@RequestParam(required = false) @Size(max = 64) String code,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		LocalDate today = service.today();
		return new PagedModel<>(service.search(status, theme, funder, code, page, size)
			.map(call -> FundingCallResponse.of(call, today)));
	}

}
