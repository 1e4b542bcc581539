package org.decoop.notification.delivery;

import java.util.Locale;

import org.decoop.notification.email.Mail;
import org.decoop.notification.email.MailWriter;
import org.decoop.notification.notification.Notification;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.subscription.domain.Subscription;

/**
 * Sends one notification as a plain, readable e-mail in its subscription's language:
 * subject, body and date (in the e-mail time zone, with the language's formats).
 */
class EmailSender {

	private final MailWriter mail;

	private final Summaries summaries;

	EmailSender(MailWriter mail, Summaries summaries) {
		this.mail = mail;
		this.summaries = summaries;
	}

	void send(String address, Notification notification, Subscription subscription) {
		Locale locale = subscription.locale();
		String summary = summaries.of(notification, locale);
		String label = summaries.eventLabel(notification.eventType(), locale);
		String subject = mail.say("notification.mail.notification.subject", locale, label, firstSentence(summary));
		String text = mail.say("notification.mail.notification.body", locale, summary, label,
				notification.subject() == null ? "" : notification.subject(),
				mail.at(notification.occurredAt(), locale), notification.eventId());
		String why = mail.say("notification.mail.why", locale, notification.subscriptionId(),
				subscription.subscriber());
		mail.send(Mail.plain(address, locale, subject, text + "\n\n" + why + "\n"));
	}

	private static String firstSentence(String text) {
		int end = text.indexOf(". ");
		String sentence = end < 0 ? text : text.substring(0, end + 1);
		return sentence.length() > 150 ? sentence.substring(0, 147) + "…" : sentence;
	}

}
