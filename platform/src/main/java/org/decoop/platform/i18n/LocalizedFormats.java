package org.decoop.platform.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, numbers and amounts as a reader of each language writes them, from the JDK's
 * locale data (CLDR): {@code 7 décembre 2026}, {@code 7. децембар 2026.},
 * {@code 1 234,50 €}. Amounts are in EUR, with the language's separators.
 */
public class LocalizedFormats {

	private static final Currency EUR = Currency.getInstance("EUR");

	/** A day, in words ({@code 7 décembre 2026}). */
	public String date(LocalDate day, Locale reader) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Languages.of(reader)).format(day);
	}

	/** An instant as a date and time in {@code zone}. */
	public String dateTime(Instant instant, ZoneId zone, Locale reader) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(Languages.of(reader))
			.withZone(zone)
			.format(instant);
	}

	/** A number with the language's grouping and decimal separators. */
	public String number(Number number, Locale reader) {
		return NumberFormat.getNumberInstance(Languages.of(reader)).format(number);
	}

	/** An amount in EUR ({@code €1,234.50}, {@code 1 234,50 €}). */
	public String amountEur(BigDecimal amount, Locale reader) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Languages.of(reader));
		format.setCurrency(EUR);
		return format.format(amount);
	}

}
