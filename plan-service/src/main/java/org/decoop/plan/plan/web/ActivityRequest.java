package org.decoop.plan.plan.web;

import static org.decoop.plan.plan.web.RequestFields.nested;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.decoop.events.Theme;
import org.decoop.plan.plan.domain.Activity;
import org.decoop.plan.plan.domain.FundingLine;
import org.decoop.platform.domain.Field;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"title": "Local economic development forum", "theme": "LOCAL_ECONOMIC_DEVELOPMENT",
		 "partnershipIds": ["<partnership id>"], "funding": [{"source": "EU_CALL", "amountEur": 40000}]}""")
public record ActivityRequest(@NotBlank @Size(max = Activity.MAX_TITLE_LENGTH) String title, @NotNull Theme theme,
		@Size(max = 50) List<@NotBlank String> partnershipIds, LocalDate startsOn, LocalDate endsOn,
		@Size(max = 20) List<@Valid @NotNull FundingRequest> funding) {

	/**
	 * The domain activity; {@code place} is where it sits in the request (none: it is the
	 * request).
	 */
	public Activity toActivity(Field place) {
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
