package org.decoop.notification.delivery;

import org.decoop.notification.notification.Notification;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends one notification as a plain, readable e-mail. */
class EmailSender {

	private final JavaMailSender mail;

	private final String from;

	EmailSender(JavaMailSender mail, String from) {
		this.mail = mail;
		this.from = from;
	}

	void send(String address, Notification notification) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(address);
		message.setSubject("[decoop] " + notification.eventType() + ": " + firstSentence(notification.summary()));
		message.setText("""
				%s

				Event: %s
				About: %s
				When: %s
				Event id: %s

				You receive this because of your decoop subscription %s.
				""".formatted(notification.summary(), notification.eventType(), notification.subject(),
				notification.occurredAt(), notification.eventId(), notification.subscriptionId()));
		mail.send(message);
	}

	private static String firstSentence(String text) {
		int end = text.indexOf(". ");
		String sentence = end < 0 ? text : text.substring(0, end + 1);
		return sentence.length() > 150 ? sentence.substring(0, 147) + "…" : sentence;
	}

}
