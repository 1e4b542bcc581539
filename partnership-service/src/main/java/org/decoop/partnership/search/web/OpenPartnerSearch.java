package org.decoop.partnership.search.web;

import java.time.LocalDate;
import java.util.List;

import org.decoop.events.Theme;
import org.decoop.partnership.search.domain.PartnerSearch;
import org.decoop.platform.web.CountryCode;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"localAuthorityId": "<id of Kragujevac>", "themes": ["YOUTH", "ENVIRONMENT"], "countries": ["FR"],
		 "description": "A French town for youth exchanges and a river clean-up", "openUntil": "2027-06-30"}""")
public record OpenPartnerSearch(@NotBlank @Size(max = 100) String localAuthorityId,
		@NotNull @Size(min = 1, max = 14) List<@NotNull Theme> themes,
		@NotNull @Size(min = 1, max = 30) List<@NotNull @CountryCode String> countries,
		@NotBlank @Size(max = PartnerSearch.MAX_DESCRIPTION_LENGTH) String description, @NotNull LocalDate openUntil) {
}
