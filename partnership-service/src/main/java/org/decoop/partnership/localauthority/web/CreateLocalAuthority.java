package org.decoop.partnership.localauthority.web;

import org.decoop.events.LocalAuthorityKind;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.platform.web.CountryCode;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"code": "RS-SREMSKA-MITROVICA", "name": "Sremska Mitrovica", "country": "RS", "kind": "CITY", "population": 79940,
		 "latitude": 44.9764, "longitude": 19.6122}""")
public record CreateLocalAuthority(@NotNull @Pattern(regexp = LocalAuthority.CODE_PATTERN) String code,
		@NotBlank @Size(max = LocalAuthority.MAX_NAME_LENGTH) String name, @NotNull @CountryCode String country,
		@NotNull LocalAuthorityKind kind,
		@Schema(description = "Inhabitants, optional; partner searches rank similar sizes higher") @Min(1) @Max(LocalAuthority.MAX_POPULATION) Integer population,
		@Schema(description = "Where it is (a department or province: its seat): WGS84 degrees, optional; give both latitude and longitude or neither") @DecimalMin("-90") @DecimalMax("90") @Nullable Double latitude,
		@Schema(description = "WGS84 degrees, optional, with latitude") @DecimalMin("-180") @DecimalMax("180") @Nullable Double longitude) {
}
