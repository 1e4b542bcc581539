package org.decoop.plan.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.decoop.events.FundingSource;
import org.decoop.plan.plan.domain.Activity;
import org.decoop.plan.plan.domain.FundingLine;
import org.decoop.plan.plan.domain.Plan;
import org.decoop.platform.web.CsvCells;
import org.decoop.platform.web.CsvExport;

/**
 * The plan list as CSV (RFC 4180, UTF-8, CRLF, a header row): one row per activity,
 * written as the plans come from the store's cursor, so memory does not grow with the
 * number of rows. A plan without activities has no row. Several partnerships in one cell
 * are separated by {@code "; "}; each funding source has a column of its own
 * ({@code eur_french_mfa}, ...), the activity's EUR from that source (0.00 when none). A
 * text cell a spreadsheet would run as a formula (a title starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written with a
 * {@code '} in front ({@link CsvCells}).
 */
final class PlansCsv {

	private static final CsvExport CSV = CsvExport.withColumns(columns());

	private PlansCsv() {
	}

	private static List<String> columns() {
		List<String> columns = new ArrayList<>(List.of("plan_id", "year", "plan_status", "plan_title", "activity_id",
				"activity_title", "theme", "partnership_ids"));
		for (FundingSource source : FundingSource.values()) {
			columns.add(sourceColumn(source));
		}
		return columns;
	}

	static String sourceColumn(FundingSource source) {
		return "eur_" + source.name().toLowerCase(Locale.ROOT);
	}

	static void write(Stream<Plan> plans, OutputStream out) throws IOException {
		CSV.write(plans.flatMap(plan -> plan.activities().stream().map(activity -> row(plan, activity))), out);
	}

	private static List<Object> row(Plan plan, Activity activity) {
		List<Object> row = new ArrayList<>(List.of(CsvCells.text(plan.id().value()), plan.year(), plan.status().name(),
				CsvCells.text(plan.title()), CsvCells.text(activity.id().value()), CsvCells.text(activity.title()),
				activity.theme().name(), CsvCells.text(String.join("; ", activity.partnershipIds()))));
		Map<FundingSource, BigDecimal> bySource = new EnumMap<>(FundingSource.class);
		for (FundingLine line : activity.funding()) {
			bySource.merge(line.source(), line.amountEur(), BigDecimal::add);
		}
		for (FundingSource source : FundingSource.values()) {
			row.add(bySource.getOrDefault(source, BigDecimal.ZERO.setScale(2)).toPlainString());
		}
		return row;
	}

}
