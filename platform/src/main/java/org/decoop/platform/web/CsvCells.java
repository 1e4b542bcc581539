package org.decoop.platform.web;

/**
 * Text cells of a CSV export made safe to open in a spreadsheet (OWASP, "CSV Injection"):
 * Excel, LibreOffice Calc and Google Sheets run a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula
 * ({@code =HYPERLINK(...)}, DDE), whatever the quoting. Such a cell is written with a
 * single quote {@code '} in front, which a spreadsheet takes as "this is text" and does
 * not show; any other cell is written as it is. The quote stays in the file: a program
 * reading the CSV back sees {@code '=1+1} for the title {@code =1+1}.
 *
 * <p>
 * Only for text that people or other sources wrote (names, titles): numbers such as
 * {@code -5.00} are written as they are (a spreadsheet reads them as numbers, not
 * formulas).
 */
public final class CsvCells {

	/** What a spreadsheet takes as the start of a formula. */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private CsvCells() {
	}

	/**
	 * {@code text}, with {@code '} in front when a spreadsheet would run it as a formula;
	 * null stays null.
	 */
	public static String text(String text) {
		if (text == null || text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0) {
			return text;
		}
		return "'" + text;
	}

}
