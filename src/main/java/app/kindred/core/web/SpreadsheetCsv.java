package app.kindred.core.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * CSV that opens correctly in Excel as Finnish and Swedish users have it: UTF-8 with a
 * byte order mark, semicolons between fields (their list separator), every field quoted.
 * A cell that a spreadsheet would run as a formula gets a leading apostrophe, so exported
 * answers can never execute.
 */
public final class SpreadsheetCsv {

	private static final CSVFormat FORMAT = CSVFormat.Builder.create()
		.setDelimiter(';')
		.setQuoteMode(QuoteMode.ALL)
		.setRecordSeparator("\r\n")
		.get();

	private SpreadsheetCsv() {
	}

	public static void write(HttpServletResponse response, String filename, List<String> header,
			List<List<String>> rows) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		try {
			Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			try (var printer = FORMAT.print(writer)) {
				printer.printRecord(header.stream().map(SpreadsheetCsv::safe).toList());
				for (var row : rows) {
					printer.printRecord(row.stream().map(SpreadsheetCsv::safe).toList());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Neutralises formula injection: =, +, -, @, tab and carriage return start formulas
	 * in spreadsheets.
	 */
	static String safe(String cell) {
		if (cell == null) {
			return "";
		}
		return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
	}

}
