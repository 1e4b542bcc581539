package org.decoop.partnership.partnership;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.platform.i18n.Transliteration;
import org.decoop.platform.web.CsvCells;
import org.decoop.platform.web.CsvExport;

/**
 * The partnership list as CSV (RFC 4180, UTF-8, CRLF, a header row): one row per
 * partnership, written as the rows come from the store's cursor. Several partners in one
 * cell are separated by {@code "; "}. The coordinator's e-mail is not open data and is
 * not written. A text cell a spreadsheet would run as a formula (names of local
 * authorities are anyone's text: one starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) is written with a {@code '} in front
 * ({@link CsvCells}). Names are in the reader's script, as in the JSON answers (the rows
 * are written off the request's thread, so the reader's language is passed in).
 */
final class PartnershipsCsv {

	private static final CsvExport CSV = CsvExport.withColumns(List.of("id", "status", "partner_codes", "partner_names",
			"countries", "themes", "since", "last_activity_on"));

	private PartnershipsCsv() {
	}

	static void write(Stream<Partnership> partnerships, Locale reader, OutputStream out) throws IOException {
		CSV.write(partnerships.map(partnership -> row(partnership, reader)), out);
	}

	private static List<Object> row(Partnership partnership, Locale reader) {
		List<Partner> partners = partnership.partners();
		return List.of(CsvCells.text(partnership.id().value()), partnership.status().name(),
				CsvCells.text(partners.stream()
					.map(partner -> partner.code() == null ? "" : partner.code())
					.collect(Collectors.joining("; "))),
				CsvCells.text(partners.stream()
					.map(partner -> Transliteration.forReader(partner.name(), reader))
					.collect(Collectors.joining("; "))),
				partners.stream().map(partner -> partner.country().code()).distinct().collect(Collectors.joining("; ")),
				partnership.themes().stream().map(Enum::name).sorted().collect(Collectors.joining("; ")),
				partnership.since() == null ? "" : partnership.since().toString(),
				partnership.lastActivityOn() == null ? "" : partnership.lastActivityOn().toString());
	}

}
