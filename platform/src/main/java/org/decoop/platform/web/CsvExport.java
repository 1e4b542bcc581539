package org.decoop.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A list exported as CSV (RFC 4180, UTF-8, CRLF, a header row), written by Jackson's CSV
 * module row by row as the rows come: memory does not grow with their number. Text that
 * people wrote goes through {@link CsvCells#text} first. {@link CsvExports} streams it to
 * the client.
 */
public final class CsvExport {

	/** What {@code Accept} asks for. */
	public static final String MEDIA_TYPE = "text/csv";

	/**
	 * The longest an export's query may run on the server ({@code maxTimeMS}): the
	 * export's default write timeout ({@code decoop.csv-export.write-timeout}), so that
	 * the server never keeps reading for a reader that is gone. The cursor reads a batch
	 * at a time; see docs/operations.md.
	 */
	public static final Duration QUERY_MAX_TIME = Duration.ofMinutes(30);

	private static final CsvMapper CSV = CsvMapper.builder().build();

	private final CsvSchema schema;

	private CsvExport(List<String> columns) {
		CsvSchema.Builder builder = CsvSchema.builder();
		columns.forEach(builder::addColumn);
		this.schema = builder.setLineSeparator("\r\n").build().withHeader();
	}

	public static CsvExport withColumns(List<String> columns) {
		return new CsvExport(columns);
	}

	/** The header row, then one line per row, each row's cells in the columns' order. */
	public void write(Stream<List<Object>> rows, OutputStream out) throws IOException {
		Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		try (SequenceWriter writer = CSV.writer(schema).writeValues(text)) {
			rows.forEach(writer::write);
		}
	}

}
