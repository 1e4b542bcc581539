package org.decoop.partnership.partnership;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.platform.web.CsvCells;
import org.decoop.platform.web.CsvExport;

/**
 * The partnership list as CSV (RFC 4180, UTF-8, CRLF, a header row): one row per
 * partnership, written as the rows come from the store's cursor. Several partners in one
 * cell are separated by {@code "; "}. The coordinator's e-mail is not open data and is
 * not written. A text cell a spreadsheet would run as a formula (names of local
 * authorities are anyone's text: one starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) is written with a {@code '} in front
 * ({@link CsvCells}).
 */
final class PartnershipsCsv {

	private static final CsvExport CSV = CsvExport.withColumns(List.of("id", "status", "partner_codes", "partner_names",
			"countries", "themes", "since", "last_activity_on"));

	private PartnershipsCsv() {
	}

	static void write(Stream<Partnership> partnerships, OutputStream out) throws IOException {
		CSV.write(partnerships.map(PartnershipsCsv::row), out);
	}

	private static List<Object> row(Partnership partnership) {
		List<Partner> partners = partnership.partners();
		return List.of(CsvCells.text(partnership.id().value()), partnership.status().name(),
				CsvCells.text(partners.stream()
					.map(partner -> partner.code() == null ? "" : partner.code())
					.collect(Collectors.joining("; "))),
				CsvCells.text(partners.stream().map(Partner::name).collect(Collectors.joining("; "))),
				partners.stream().map(partner -> partner.country().code()).distinct().collect(Collectors.joining("; ")),
				partnership.themes().stream().map(Enum::name).sorted().collect(Collectors.joining("; ")),
				partnership.since() == null ? "" : partnership.since().toString(),
				partnership.lastActivityOn() == null ? "" : partnership.lastActivityOn().toString());
	}

}
