package org.decoop.plan.plan.web;

import java.util.List;

import org.decoop.events.Theme;
import org.decoop.plan.plan.domain.Plan;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"year": 2020, "title": "Akcioni plan 2020",
		 "parties": [{"code": "AMBAFRANCE-RS", "name": "Ambassade de France en Serbie"},
		             {"code": "SKGO", "name": "Stalna konferencija gradova i opština"}],
		 "themes": ["GENDER_EQUALITY", "YOUTH", "ENVIRONMENT"],
		 "activities": [{"title": "Youth exchange Nevers – Sremska Mitrovica", "theme": "YOUTH",
		                 "partnershipIds": ["<partnership id>"], "startsOn": "2020-04-01", "endsOn": "2020-10-31",
		                 "funding": [{"source": "FRENCH_MFA", "amountEur": 15000}, {"source": "LOCAL_BUDGET", "amountEur": 8000}]}]}""")
public record DraftPlan(@NotNull @Min(Plan.FIRST_YEAR) @Max(Plan.LAST_YEAR) Integer year,
		@NotBlank @Size(max = Plan.MAX_TITLE_LENGTH) String title,
		@NotNull @Size(min = Plan.MIN_PARTIES, max = 20) List<@Valid @NotNull PartyRequest> parties,
		List<@NotNull Theme> themes, @Size(max = 200) List<@Valid @NotNull ActivityRequest> activities) {
}
