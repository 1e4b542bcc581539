package org.decoop.notification.delivery;

import java.time.ZoneId;
import java.util.Locale;

import org.decoop.notification.notification.Notification;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.subscription.domain.Subscription;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends one notification as a plain, readable e-mail in its subscription's language:
 * subject, body and date (in {@code zone}, with the language's formats), and a
 * {@code Content-Language} header that says which.
 */
class EmailSender {

	private final JavaMailSender mail;

	private final String from;

	private final MessageSource messages;

	private final Summaries summaries;

	private final ZoneId zone;

	EmailSender(JavaMailSender mail, String from, MessageSource messages, Summaries summaries, ZoneId zone) {
		this.mail = mail;
		this.from = from;
		this.messages = messages;
		this.summaries = summaries;
		this.zone = zone;
	}

	void send(String address, Notification notification, Subscription subscription) {
		Locale locale = subscription.locale();
		String summary = summaries.of(notification, locale);
		String subject = messages.getMessage("notification.mail.notification.subject",
				new Object[] { summaries.eventLabel(notification.eventType(), locale), firstSentence(summary) },
				locale);
		String text = messages.getMessage("notification.mail.notification.body",
				new Object[] { summary, summaries.eventLabel(notification.eventType(), locale),
						notification.subject() == null ? "" : notification.subject(),
						summaries.dateTime(notification.occurredAt(), zone, locale) + " (" + zone.getId() + ")",
						notification.eventId() },
				locale);
		String why = messages.getMessage("notification.mail.why",
				new Object[] { notification.subscriptionId(), subscription.subscriber() }, locale);
		mail.send(message -> {
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(from);
			helper.setTo(address);
			helper.setSubject(subject);
			helper.setText(text + "\n\n" + why + "\n");
			message.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		});
	}

	private static String firstSentence(String text) {
		int end = text.indexOf(". ");
		String sentence = end < 0 ? text : text.substring(0, end + 1);
		return sentence.length() > 150 ? sentence.substring(0, 147) + "…" : sentence;
	}

}
