package org.decoop.partnership.partnership;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.decoop.events.Country;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Coordinator;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.partnership.partnership.domain.PartnershipStatistics;
import org.decoop.partnership.partnership.web.EstablishPartnership;
import org.decoop.partnership.partnership.web.PartnershipResponse;
import org.decoop.partnership.partnership.web.PartnershipStatisticsResponse;
import org.decoop.partnership.partnership.web.Transition;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.security.CurrentCaller;
import org.decoop.platform.web.CountryCode;
import org.decoop.platform.web.CreatedResponse;
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
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/partnerships")
@Tag(name = "Partnerships", description = "Partnerships between local authorities and their lifecycle")
class PartnershipController {

	private final PartnershipService service;

	private final CsvExports exports;

	PartnershipController(PartnershipService service, CsvExports exports) {
		this.service = service;
		this.exports = exports;
	}

	@PostMapping
	@CreatedResponse
	@Operation(summary = "Establish an ACTIVE partnership between two or more local authorities")
	ResponseEntity<PartnershipResponse> establish(@Valid @RequestBody EstablishPartnership request,
			@CurrentCaller Actor caller) {
		Partnership partnership = service.establish(request.partnerIds(), request.since(), request.themes(),
				request.coordinator() == null ? null
						: new Coordinator(request.coordinator().name(), request.coordinator().email()),
				caller);
		return ETags.created("/api/partnerships/" + partnership.id(), partnership.version(),
				PartnershipResponse.of(partnership, Optional.of(caller)));
	}

	@GetMapping("/{id}")
	ResponseEntity<PartnershipResponse> get(@PathVariable String id, @CurrentCaller Optional<Actor> reader) {
		return withETag(service.get(new PartnershipId(id)), reader);
	}

	@GetMapping(produces = CsvExport.MEDIA_TYPE)
	@Operation(
			summary = "Every partnership the search finds (not one page: all of them) as CSV, RFC 4180, UTF-8, streamed")
	ResponseEntity<ResponseBodyEmitter> searchAsCsv(@RequestParam(required = false) PartnershipStatus status,
			@RequestParam(required = false) @CountryCode String country, @RequestParam(required = false) Theme theme,
			@RequestParam(required = false) String localAuthorityId, Locale reader) {
		Country wanted = country == null ? null : Country.of(country);
		LocalAuthorityId partner = localAuthorityId == null ? null : new LocalAuthorityId(localAuthorityId);
		StreamingResponseBody rows = out -> {
			try (Stream<Partnership> all = service.all(status, wanted, theme, partner)) {
				PartnershipsCsv.write(all, reader, out);
			}
		};
		return exports.attachment("partnerships.csv", rows);
	}

	@GetMapping
	PagedModel<PartnershipResponse> search(@RequestParam(required = false) PartnershipStatus status,
			@RequestParam(required = false) @CountryCode String country, @RequestParam(required = false) Theme theme,
			@RequestParam(required = false) String localAuthorityId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, @CurrentCaller Optional<Actor> reader) {
		return new PagedModel<>(service
			.search(status, country == null ? null : Country.of(country), theme,
					localAuthorityId == null ? null : new LocalAuthorityId(localAuthorityId), page, size)
			.map(partnership -> PartnershipResponse.of(partnership, reader)));
	}

	@GetMapping("/stats")
	@Operation(summary = "Partnerships counted by status and by country then status, now or for one year (open data)",
			description = "Without year: every partnership, with its status now. With year: the partnerships that existed "
					+ "that year, i.e. begun by its end (their since year, else the day they were established) and not ENDED "
					+ "before it began, each with its status at the year's end (UTC) as its history says; one recorded later "
					+ "with an earlier since counts as ACTIVE for the years before. A partnership counts once in each "
					+ "country of its partners. Counted by the database.")
	PartnershipStatisticsResponse statistics(@RequestParam(
			required = false) @Min(PartnershipStatistics.FIRST_YEAR) @Max(PartnershipStatistics.LAST_YEAR) Integer year) {
		return PartnershipStatisticsResponse.of(service.statistics(year));
	}

	@PostMapping("/{id}/dormancy")
	@Operation(summary = "Put an ACTIVE partnership to dormancy (409 from any other status)")
	ResponseEntity<PartnershipResponse> dormancy(@PathVariable String id, @Valid @RequestBody Transition request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @CurrentCaller Actor caller) {
		return transition(service::putToDormancy, id, request, ifMatch, caller);
	}

	@PostMapping("/{id}/reactivation")
	@Operation(summary = "Reactivate a DORMANT partnership (409 from any other status)")
	ResponseEntity<PartnershipResponse> reactivation(@PathVariable String id, @Valid @RequestBody Transition request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @CurrentCaller Actor caller) {
		return transition(service::reactivate, id, request, ifMatch, caller);
	}

	@PostMapping("/{id}/termination")
	@Operation(summary = "End an ACTIVE or DORMANT partnership for good (409 when already ENDED)")
	ResponseEntity<PartnershipResponse> termination(@PathVariable String id, @Valid @RequestBody Transition request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @CurrentCaller Actor caller) {
		return transition(service::terminate, id, request, ifMatch, caller);
	}

	/**
	 * A change of status by the caller, with its reason, on the version If-Match names.
	 */
	private ResponseEntity<PartnershipResponse> transition(StatusChange change, String id, Transition request,
			String ifMatch, Actor caller) {
		return withETag(change.apply(new PartnershipId(id), request.reason(), ETags.expectedVersion(ifMatch), caller),
				Optional.of(caller));
	}

	/** One of the service's changes of status. */
	private interface StatusChange {

		Partnership apply(PartnershipId id, String reason, ExpectedVersion expected, Actor by);

	}

	/**
	 * The coordinator's e-mail depends on who asks: caches keep one answer per caller.
	 */
	private ResponseEntity<PartnershipResponse> withETag(Partnership partnership, Optional<Actor> reader) {
		return ETags.okPerCaller(partnership.version(), PartnershipResponse.of(partnership, reader));
	}

}
