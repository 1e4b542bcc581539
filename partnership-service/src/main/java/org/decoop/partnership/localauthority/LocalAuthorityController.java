package org.decoop.partnership.localauthority;

import java.net.URI;

import org.decoop.events.Country;
import org.decoop.partnership.localauthority.domain.Coordinates;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.localauthority.web.CreateLocalAuthority;
import org.decoop.partnership.localauthority.web.LocalAuthorityResponse;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.security.CurrentCaller;
import org.decoop.platform.web.CountryCode;
import org.decoop.platform.web.CreatedResponse;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/local-authorities")
@Tag(name = "Local authorities",
		description = "Municipalities, cities, departments, regions and provinces that can partner")
class LocalAuthorityController {

	private final LocalAuthorities localAuthorities;

	LocalAuthorityController(LocalAuthorities localAuthorities) {
		this.localAuthorities = localAuthorities;
	}

	@PostMapping
	@CreatedResponse
	ResponseEntity<LocalAuthorityResponse> create(@Valid @RequestBody CreateLocalAuthority request,
			@CurrentCaller Actor caller) {
		LocalAuthority authority = localAuthorities
			.add(LocalAuthority.register(caller, Ids.newId(LocalAuthorityId::new), request.code(), request.name(),
					Country.of(request.country()), request.kind(), request.population(),
					Coordinates.of(request.latitude(), request.longitude()).orElse(null)));
		return ResponseEntity.created(URI.create("/api/local-authorities/" + authority.id()))
			.body(LocalAuthorityResponse.of(authority));
	}

	@GetMapping("/{id}")
	LocalAuthorityResponse get(@PathVariable String id) {
		return localAuthorities.byId(new LocalAuthorityId(id))
			.map(LocalAuthorityResponse::of)
			.orElseThrow(() -> new DoesNotExist("Local authority", id));
	}

	@GetMapping
	PagedModel<LocalAuthorityResponse> search(@RequestParam(required = false) @CountryCode String country,
			@RequestParam(required = false) @Pattern(regexp = LocalAuthority.CODE_PATTERN) String code,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return new PagedModel<>(
				localAuthorities.search(country == null ? null : Country.of(country), code, q, page, size)
					.map(LocalAuthorityResponse::of));
	}

}
