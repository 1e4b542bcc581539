package org.decoop.notification.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.ibm.icu.text.ListFormatter;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.notification.notification.domain.Summary;
import org.decoop.notification.notification.domain.Summary.Argument;
import org.decoop.platform.i18n.Languages;
import org.decoop.platform.i18n.LocalizedFormats;
import org.decoop.platform.i18n.Transliteration;
import org.springframework.context.MessageSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Says a notification in a reader's language: its stored facts ({@link Summary}) through
 * the service's messages, dates, numbers, amounts and lists in the language's own formats
 * (the JDK's), themes and funders by their labels, countries by their names in the
 * language, and names in the reader's script. A notification stored before summaries were
 * facts shows its sentence as written.
 */
@NamedInterface("api")
@Component
public class Summaries {

	private final MessageSource messages;

	private final LocalizedFormats formats;

	public Summaries(MessageSource messages, LocalizedFormats formats) {
		this.messages = messages;
		this.formats = formats;
	}

	/** What {@code notification} says, for a reader of {@code locale}. */
	public String of(Notification notification, Locale locale) {
		if (notification.message() != null) {
			return render(notification.message(), locale);
		}
		// stored before summaries were facts: an English sentence, its names as typed,
		// in Latin for a reader of Latin
		return name(notification.summary() == null ? "" : notification.summary(), locale);
	}

	/** What {@code summary} says, for a reader of {@code locale}. */
	public String render(Summary summary, Locale locale) {
		Object[] arguments = summary.arguments().stream().map(argument -> written(argument, locale)).toArray();
		return messages.getMessage(summary.key(), arguments, locale);
	}

	/** An event type (PlanSigned) as people call it. */
	public String eventLabel(String eventType, Locale locale) {
		return labelKey(eventType).map(key -> messages.getMessage(key, null, locale)).orElse(eventType);
	}

	/**
	 * A name in the script that fits the reader: as written for Serbian in Cyrillic, else
	 * in Latin (a Cyrillic name transliterated).
	 */
	public String name(String name, Locale locale) {
		return Transliteration.forReader(name, locale);
	}

	/** A moment, as the language writes a date and a time, in {@code zone}. */
	public String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return formats.dateTime(instant, zone, locale);
	}

	private String written(Argument argument, Locale locale) {
		String value = argument.value();
		return switch (argument.kind()) {
			case TEXT, YEAR -> value;
			case NAME -> name(value, locale);
			case NAMES -> listed(argument.values().stream().map(name -> name(name, locale)).toList(), locale);
			case NUMBER -> formats.number(Long.parseLong(value), locale);
			case AMOUNT_EUR -> formats.amountEur(new BigDecimal(value), locale);
			case PERCENT -> {
				NumberFormat percent = NumberFormat.getPercentInstance(Languages.of(locale));
				percent.setMaximumFractionDigits(2);
				yield percent.format(new BigDecimal(value));
			}
			case DATE -> formats.date(LocalDate.parse(value), locale);
			case THEMES -> listed(argument.values().stream().map(theme -> themeLabel(theme, locale)).toList(), locale);
			case COUNTRIES ->
				listed(argument.values().stream().map(code -> countryName(code, locale)).toList(), locale);
			case FUNDER -> funderLabel(value, locale);
		};
	}

	/** The country's name in the language (JDK's CLDR data); the code when it is none. */
	private static String countryName(String code, Locale locale) {
		try {
			return new Locale.Builder().setRegion(code).build().getDisplayCountry(Languages.of(locale));
		}
		catch (IllformedLocaleException notACountry) {
			return code;
		}
	}

	private static String listed(List<String> values, Locale locale) {
		return values.isEmpty() ? "" : ListFormatter.getInstance(Languages.of(locale)).format(values);
	}

	private String themeLabel(String name, Locale locale) {
		for (Theme theme : Theme.values()) {
			if (theme.name().equals(name)) {
				return messages.getMessage(themeKey(theme), null, locale);
			}
		}
		return name;
	}

	private String funderLabel(String name, Locale locale) {
		for (FundingSource funder : FundingSource.values()) {
			if (funder.name().equals(name)) {
				return messages.getMessage(funderKey(funder), null, locale);
			}
		}
		return name;
	}

	// The keys are written out, not built, so that the bundle check finds each one used.

	private static String themeKey(Theme theme) {
		return switch (theme) {
			case GENDER_EQUALITY -> "notification.theme.GENDER_EQUALITY";
			case RULE_OF_LAW -> "notification.theme.RULE_OF_LAW";
			case YOUTH -> "notification.theme.YOUTH";
			case LOCAL_ECONOMIC_DEVELOPMENT -> "notification.theme.LOCAL_ECONOMIC_DEVELOPMENT";
			case ENVIRONMENT -> "notification.theme.ENVIRONMENT";
			case URBAN_PLANNING -> "notification.theme.URBAN_PLANNING";
			case CULTURE -> "notification.theme.CULTURE";
			case HERITAGE -> "notification.theme.HERITAGE";
			case AGRICULTURE -> "notification.theme.AGRICULTURE";
			case EDUCATION -> "notification.theme.EDUCATION";
			case TOURISM -> "notification.theme.TOURISM";
			case HEALTH -> "notification.theme.HEALTH";
			case SOCIAL_AFFAIRS -> "notification.theme.SOCIAL_AFFAIRS";
			case EU_INTEGRATION -> "notification.theme.EU_INTEGRATION";
		};
	}

	private static String funderKey(FundingSource funder) {
		return switch (funder) {
			case FRENCH_MFA -> "notification.funder.FRENCH_MFA";
			case EU_CALL -> "notification.funder.EU_CALL";
			case LOCAL_BUDGET -> "notification.funder.LOCAL_BUDGET";
			case OTHER -> "notification.funder.OTHER";
		};
	}

	private static Optional<String> labelKey(String eventType) {
		return Optional.ofNullable(switch (eventType) {
			case "PartnershipEstablished" -> "notification.event.PartnershipEstablished";
			case "PartnershipWentDormant" -> "notification.event.PartnershipWentDormant";
			case "PartnershipReactivated" -> "notification.event.PartnershipReactivated";
			case "PartnershipEnded" -> "notification.event.PartnershipEnded";
			case "PartnerSearchOpened" -> "notification.event.PartnerSearchOpened";
			case "PartnerSearchClosed" -> "notification.event.PartnerSearchClosed";
			case "FundingCallPublished" -> "notification.event.FundingCallPublished";
			case "FundingCallClosingSoon" -> "notification.event.FundingCallClosingSoon";
			case "FundingCallClosed" -> "notification.event.FundingCallClosed";
			case "PlanDrafted" -> "notification.event.PlanDrafted";
			case "PlanSignatureRecorded" -> "notification.event.PlanSignatureRecorded";
			case "PlanSigned" -> "notification.event.PlanSigned";
			case "ActivityCompleted" -> "notification.event.ActivityCompleted";
			case "PlanCompleted" -> "notification.event.PlanCompleted";
			case "PlanCancelled" -> "notification.event.PlanCancelled";
			default -> null;
		});
	}

}
