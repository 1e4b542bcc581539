package org.decoop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://evil.example\",\"Nevers\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1",
			"\r=1" })
	void putsAQuoteInFrontOfACellASpreadsheetWouldRunAsAFormula(String cell) {
		assertThat(CsvCells.text(cell)).isEqualTo("'" + cell);
	}

	// "'=1" is already text for a spreadsheet
	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "Akcioni plan 2020, \"Šabac\" = 1", "Сремска Митровица", "'=1", " =1" })
	void leavesEveryOtherCellAsItIs(@Nullable String cell) {
		assertThat(CsvCells.text(cell)).isEqualTo(cell);
	}

}
