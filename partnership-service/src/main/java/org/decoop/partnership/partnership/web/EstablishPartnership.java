package org.decoop.partnership.partnership.web;

import java.util.List;

import org.decoop.events.Theme;
import org.decoop.partnership.partnership.domain.Partnership;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"partnerIds": ["<id of Nevers>", "<id of Sremska Mitrovica>"], "since": 2005, "themes": ["CULTURE", "EDUCATION"],
		 "coordinator": {"name": "SKGO coordinator", "email": "coordination@skgo.org"}}""")
public record EstablishPartnership(
		@NotNull @Size(min = Partnership.MIN_PARTNERS, max = 50) List<@NotBlank String> partnerIds,
		@Nullable Integer since, @Nullable List<@NotNull Theme> themes,
		@Valid @Nullable CoordinatorRequest coordinator) {
}
