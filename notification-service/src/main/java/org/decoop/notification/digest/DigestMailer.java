package org.decoop.notification.digest;

import java.text.Collator;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.decoop.notification.digest.domain.DigestPeriod;
import org.decoop.notification.email.Mail;
import org.decoop.notification.email.MailWriter;
import org.decoop.notification.notification.Notification;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Subscription;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes and sends one digest e-mail in its subscription's language: the period's
 * notifications grouped by event type, each with its local time (in {@code zone}, with
 * the language's formats) and summary, as plain text with an HTML alternative (every
 * value HTML-escaped: summaries carry what partners typed), and a
 * {@code Content-Language} header that says which language.
 */
class DigestMailer {

	private final MailWriter mail;

	private final Summaries summaries;

	private final ZoneId zone;

	DigestMailer(MailWriter mail, Summaries summaries, ZoneId zone) {
		this.mail = mail;
		this.summaries = summaries;
		this.zone = zone;
	}

	/** What the digest says, in one language, ready to be written as text or HTML. */
	private record Contents(String intro, Map<String, List<Line>> byType, @Nullable String more, String inbox,
			String why) {
	}

	private record Line(String at, String summary) {
	}

	/**
	 * @param listed the notifications to list, oldest first
	 * @param total how many the period has (more than listed when there were too many to
	 * list)
	 */
	void send(Subscription subscription, DigestPeriod period, List<Notification> listed, long total) {
		Locale locale = subscription.locale();
		String kind = mail
			.say(period.digest() == Digest.WEEKLY ? "notification.digest.WEEKLY" : "notification.digest.DAILY", locale);
		String span = "%s – %s (%s)".formatted(local(period.start(), locale), local(period.end(), locale),
				zone.getId());
		// grouped under the types' labels in the reader's language, in that language's
		// order
		Map<String, List<Line>> byLabel = new TreeMap<>(Collator.getInstance(locale));
		listed.forEach(notification -> byLabel
			.computeIfAbsent(summaries.eventLabel(notification.eventType(), locale), label -> new ArrayList<>())
			.add(new Line(local(notification.createdAt(), locale), summaries.of(notification, locale))));
		Map<String, List<Line>> byType = new LinkedHashMap<>();
		NumberFormat counts = NumberFormat.getIntegerInstance(locale);
		byLabel.forEach((label, lines) -> byType.put("%s (%s)".formatted(label, counts.format(lines.size())), lines));
		Contents contents = new Contents(mail.say("notification.mail.digest.intro", locale, kind, total, span), byType,
				total > listed.size() ? mail.say("notification.mail.digest.more", locale, total - listed.size()) : null,
				mail.say("notification.mail.digest.inbox", locale,
						"GET /api/subscriptions/%s/notifications".formatted(subscription.id())),
				mail.say("notification.mail.why", locale, subscription.id().value(), subscription.subscriber()));
		String subject = mail.say("notification.mail.digest.subject", locale, kind, total);
		mail.send(Mail.plain(subscription.address(), locale, subject, plainText(contents)).withHtml(html(contents)));
	}

	private static String plainText(Contents contents) {
		StringBuilder text = new StringBuilder(contents.intro()).append('\n');
		contents.byType().forEach((type, lines) -> {
			text.append('\n').append(type).append('\n');
			lines.forEach(
					line -> text.append("  - ").append(line.at()).append("  ").append(line.summary()).append('\n'));
		});
		if (contents.more() != null) {
			text.append('\n').append(contents.more()).append('\n');
		}
		text.append('\n').append(contents.inbox()).append('\n').append(contents.why()).append('\n');
		return text.toString();
	}

	private static String html(Contents contents) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
		html.append("<p>").append(escape(contents.intro())).append("</p>");
		contents.byType().forEach((type, lines) -> {
			html.append("<h2>").append(escape(type)).append("</h2><ul>");
			lines.forEach(line -> html
				.append("<li><time>%s</time> %s</li>".formatted(escape(line.at()), escape(line.summary()))));
			html.append("</ul>");
		});
		if (contents.more() != null) {
			html.append("<p>").append(escape(contents.more())).append("</p>");
		}
		html.append("<p><small>")
			.append(escape(contents.inbox()))
			.append(' ')
			.append(escape(contents.why()))
			.append("</small></p></body></html>");
		return html.toString();
	}

	private String local(Instant instant, Locale locale) {
		return summaries.dateTime(instant, zone, locale);
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
