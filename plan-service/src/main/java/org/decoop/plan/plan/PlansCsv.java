package org.decoop.plan.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.decoop.events.FundingSource;
import org.decoop.plan.plan.domain.Activity;
import org.decoop.plan.plan.domain.FundingLine;
import org.decoop.plan.plan.domain.Plan;
import org.decoop.platform.web.CsvCells;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The plan list as CSV (RFC 4180, UTF-8, CRLF, a header row): one row per activity, written as
 * the plans come from the store's cursor, so memory does not grow with the number of rows. A plan
 * without activities has no row. Several partnerships in one cell are separated by {@code "; "};
 * each funding source has a column of its own ({@code eur_french_mfa}, ...), the activity's EUR
 * from that source (0.00 when none). A text cell a spreadsheet would run as a formula (a title
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written
 * with a {@code '} in front ({@link CsvCells}).
 */
final class PlansCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA = schema();

    private PlansCsv() {
    }

    private static CsvSchema schema() {
        CsvSchema.Builder columns = CsvSchema.builder()
                .addColumn("plan_id").addColumn("year").addColumn("plan_status").addColumn("plan_title")
                .addColumn("activity_id").addColumn("activity_title").addColumn("theme").addColumn("partnership_ids");
        for (FundingSource source : FundingSource.values()) {
            columns.addColumn(sourceColumn(source));
        }
        return columns.setLineSeparator("\r\n").build().withHeader();
    }

    static String sourceColumn(FundingSource source) {
        return "eur_" + source.name().toLowerCase(Locale.ROOT);
    }

    static void write(Stream<Plan> plans, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (SequenceWriter rows = CSV.writer(SCHEMA).writeValues(text)) {
            plans.forEach(plan -> plan.activities().forEach(activity -> rows.write(row(plan, activity))));
        }
    }

    private static List<Object> row(Plan plan, Activity activity) {
        List<Object> row = new ArrayList<>(List.of(
                CsvCells.text(plan.id().value()),
                plan.year(),
                plan.status().name(),
                CsvCells.text(plan.title()),
                CsvCells.text(activity.id().value()),
                CsvCells.text(activity.title()),
                activity.theme().name(),
                CsvCells.text(String.join("; ", activity.partnershipIds()))));
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
