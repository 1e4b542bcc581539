package org.decoop.notification.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.decoop.notification.digest.domain.DigestPeriod;
import org.decoop.notification.notification.Notification;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Subscription;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes and sends one digest e-mail: the period's notifications grouped by event type,
 * each with its local time and summary, as plain text with an HTML alternative (every
 * value HTML-escaped: summaries carry what partners typed).
 */
class DigestMailer {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

	private final JavaMailSender mail;

	private final String from;

	private final ZoneId zone;

	DigestMailer(JavaMailSender mail, String from, ZoneId zone) {
		this.mail = mail;
		this.from = from;
		this.zone = zone;
	}

	/**
	 * @param listed the notifications to list, oldest first
	 * @param total how many the period has (more than listed when there were too many to
	 * list)
	 */
	void send(Subscription subscription, DigestPeriod period, List<Notification> listed, long total) {
		Map<String, List<Notification>> byType = new TreeMap<>();
		listed.forEach(
				notification -> byType.computeIfAbsent(notification.eventType(), type -> new java.util.ArrayList<>())
					.add(notification));
		String kind = period.digest() == Digest.WEEKLY ? "weekly" : "daily";
		String span = "%s – %s (%s)".formatted(local(period.start()), local(period.end()), zone.getId());
		MimeMessage message = mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
			helper.setFrom(from);
			helper.setTo(subscription.address());
			helper
				.setSubject("[decoop] Your %s digest: %d notification%s".formatted(kind, total, total == 1 ? "" : "s"));
			helper.setText(plainText(subscription, kind, span, byType, listed.size(), total),
					html(subscription, kind, span, byType, listed.size(), total));
		}
		catch (MessagingException e) {
			throw new MailPreparationException("The digest e-mail could not be written", e);
		}
		mail.send(message);
	}

	private String plainText(Subscription subscription, String kind, String span,
			Map<String, List<Notification>> byType, int listed, long total) {
		StringBuilder text = new StringBuilder("Your %s decoop digest: %d notification%s from %s.%n".formatted(kind,
				total, total == 1 ? "" : "s", span));
		byType.forEach((type, notifications) -> {
			text.append("%n%s (%d)%n".formatted(type, notifications.size()));
			notifications.forEach(notification -> text
				.append("  - %s  %s%n".formatted(local(notification.createdAt()), notification.summary())));
		});
		if (total > listed) {
			text.append("%n… and %d more in your inbox.%n".formatted(total - listed));
		}
		text.append(
				"%nEvery notification is in the inbox of your subscription: GET /api/subscriptions/%s/notifications%n"
					.formatted(subscription.id()));
		text.append("You receive this because of your decoop subscription %s (%s).%n".formatted(subscription.id(),
				subscription.subscriber()));
		return text.toString();
	}

	private String html(Subscription subscription, String kind, String span, Map<String, List<Notification>> byType,
			int listed, long total) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
		html.append("<p>Your %s decoop digest: <strong>%d notification%s</strong> from %s.</p>".formatted(kind, total,
				total == 1 ? "" : "s", escape(span)));
		byType.forEach((type, notifications) -> {
			html.append("<h2>%s (%d)</h2><ul>".formatted(escape(type), notifications.size()));
			notifications.forEach(notification -> html.append("<li><time>%s</time> %s</li>"
				.formatted(escape(local(notification.createdAt())), escape(notification.summary()))));
			html.append("</ul>");
		});
		if (total > listed) {
			html.append("<p>… and %d more in your inbox.</p>".formatted(total - listed));
		}
		html.append(
				"<p><small>Every notification is in the inbox of your subscription: <code>GET /api/subscriptions/%s/notifications</code>. "
					.formatted(escape(subscription.id().value())));
		html.append("You receive this because of your decoop subscription %s (%s).</small></p></body></html>"
			.formatted(escape(subscription.id().value()), escape(subscription.subscriber())));
		return html.toString();
	}

	private String local(Instant instant) {
		return WHEN.format(instant.atZone(zone));
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
