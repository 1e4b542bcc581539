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
	 * The domain activity when it is the request itself: its errors name its own fields.
	 */
	public Activity toActivity() {
		List<FundingLine> lines = fundingLines(Field.named("funding"));
		return Activity.planned(title, theme, partnershipIds, startsOn, endsOn, lines);
	}

	/** The domain activity at {@code place} in the request ({@code activities[i]}). */
	public Activity toActivity(Field place) {
		List<FundingLine> lines = fundingLines(Field.named("funding").within(place));
		return nested(place, () -> Activity.planned(title, theme, partnershipIds, startsOn, endsOn, lines));
	}

	/**
	 * The funding lines, each naming its place ({@code list[j]}) in its validation
	 * errors.
	 */
	private List<FundingLine> fundingLines(Field list) {
		List<FundingLine> lines = new ArrayList<>();
		List<FundingRequest> requested = funding == null ? List.of() : funding;
		for (int j = 0; j < requested.size(); j++) {
			FundingRequest line = requested.get(j);
			lines.add(nested(list.at(j), () -> new FundingLine(line.source(), line.amountEur(), line.callId())));
		}
		return lines;
	}
}
