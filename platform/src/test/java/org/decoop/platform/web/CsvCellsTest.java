package org.decoop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

	@Test
	void putsAQuoteInFrontOfACellASpreadsheetWouldRunAsAFormula() {
		assertThat(CsvCells.text("=HYPERLINK(\"http://evil.example\",\"Nevers\")"))
			.isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Nevers\")");
		assertThat(CsvCells.text("+1+2")).isEqualTo("'+1+2");
		assertThat(CsvCells.text("-2+3")).isEqualTo("'-2+3");
		assertThat(CsvCells.text("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
		assertThat(CsvCells.text("\t=1")).isEqualTo("'\t=1");
		assertThat(CsvCells.text("\r=1")).isEqualTo("'\r=1");
	}

	@Test
	void leavesEveryOtherCellAsItIs() {
		assertThat(CsvCells.text("Akcioni plan 2020, \"Šabac\" = 1")).isEqualTo("Akcioni plan 2020, \"Šabac\" = 1");
		assertThat(CsvCells.text("Сремска Митровица")).isEqualTo("Сремска Митровица");
		assertThat(CsvCells.text("'=1")).as("already text for a spreadsheet").isEqualTo("'=1");
		assertThat(CsvCells.text(" =1")).isEqualTo(" =1");
		assertThat(CsvCells.text("")).isEmpty();
		assertThat(CsvCells.text(null)).isNull();
	}

}
