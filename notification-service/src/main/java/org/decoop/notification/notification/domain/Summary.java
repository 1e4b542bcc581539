package org.decoop.notification.notification.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.decoop.events.FundingSource;
import org.decoop.events.Theme;

/**
 * What a notification says, as facts rather than a sentence: a message key and its
 * arguments, each with the kind of value it is. Every reader gets it in their own
 * language (dates, amounts, themes and countries in their formats, names in their
 * script), so nothing language-bound is stored.
 */
public record Summary(String key, List<Argument> arguments) {

	public Summary {
		Objects.requireNonNull(key, "key");
		arguments = List.copyOf(arguments);
	}

	public static Summary of(String key, Argument... arguments) {
		return new Summary(key, List.of(arguments));
	}

	/** What a value is, which says how it is written for a reader. */
	public enum Kind {

		/** Words someone typed (a reason, a title): shown as written. */
		TEXT,
		/** A name of a place or a person: in the reader's script. */
		NAME,
		/**
		 * Names (or partnerships named by their partners), joined as the language lists.
		 */
		NAMES,
		/** A whole number, with the language's grouping. */
		NUMBER,
		/** A year: never grouped. */
		YEAR,
		/** An amount in EUR (plain decimal), in the language's currency format. */
		AMOUNT_EUR,
		/** A rate (0.85), as the language writes percentages. */
		PERCENT,
		/** An ISO date, in the language's long format. */
		DATE,
		/** Theme names, each by its label. */
		THEMES,
		/** ISO 3166 country codes, each by the country's name in the language. */
		COUNTRIES,
		/** A funding source name, by its label. */
		FUNDER

	}

	/**
	 * One argument: its kind and its value(s), as plain strings that store as they are.
	 */
	public record Argument(Kind kind, List<String> values) {

		public Argument {
			Objects.requireNonNull(kind, "kind");
			values = List.copyOf(values);
		}

		public static Argument text(String text) {
			return new Argument(Kind.TEXT, List.of(text == null ? "" : text));
		}

		public static Argument name(String name) {
			return new Argument(Kind.NAME, List.of(name == null ? "" : name));
		}

		public static Argument names(Collection<String> names) {
			return new Argument(Kind.NAMES, List.copyOf(names));
		}

		public static Argument number(long number) {
			return new Argument(Kind.NUMBER, List.of(Long.toString(number)));
		}

		public static Argument year(int year) {
			return new Argument(Kind.YEAR, List.of(Integer.toString(year)));
		}

		public static Argument amountEur(BigDecimal amount) {
			return new Argument(Kind.AMOUNT_EUR, List.of(amount.toPlainString()));
		}

		public static Argument percent(BigDecimal rate) {
			return new Argument(Kind.PERCENT, List.of(rate.toPlainString()));
		}

		public static Argument date(LocalDate date) {
			return new Argument(Kind.DATE, List.of(date.toString()));
		}

		public static Argument themes(Collection<Theme> themes) {
			return new Argument(Kind.THEMES, themes.stream().map(Enum::name).sorted().toList());
		}

		public static Argument countries(Collection<String> countries) {
			return new Argument(Kind.COUNTRIES, countries.stream().sorted().toList());
		}

		public static Argument funder(FundingSource funder) {
			return new Argument(Kind.FUNDER, List.of(funder.name()));
		}

		/** The first (for most kinds, the only) value. */
		public String value() {
			return values.isEmpty() ? "" : values.get(0);
		}

	}

}
