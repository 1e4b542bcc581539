package org.decoop.notification.email;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.decoop.notification.NotificationProperties;
import org.decoop.platform.i18n.LocalizedFormats;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes and sends every e-mail of the service the same way: its words from the service's
 * messages and its dates in the e-mail time zone, both in the reader's language; sent
 * from the service's address, in UTF-8, with a {@code Content-Language} header that says
 * the language.
 */
@Component
public class MailWriter {

	private final JavaMailSender sender;

	private final String from;

	private final ZoneId zone;

	private final MessageSource messages;

	private final LocalizedFormats formats;

	public MailWriter(JavaMailSender sender, NotificationProperties properties, MessageSource messages,
			LocalizedFormats formats) {
		this.sender = sender;
		this.from = properties.mailFrom();
		this.zone = properties.zone();
		this.messages = messages;
		this.formats = formats;
	}

	/** The service's message {@code code} in the reader's language. */
	public String say(String code, Locale reader, Object... arguments) {
		return messages.getMessage(code, arguments, reader);
	}

	/** A moment as the reader's language writes it, in the e-mail time zone, named. */
	public String at(Instant instant, Locale reader) {
		return "%s (%s)".formatted(formats.dateTime(instant, zone, reader), zone.getId());
	}

	/**
	 * Sends {@code mail}; a {@link MailException} when it could not be written or the
	 * mail server did not take it.
	 */
	public void send(Mail mail) {
		String html = mail.html();
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = (html == null) ? new MimeMessageHelper(message, "UTF-8")
					: new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
			helper.setFrom(from);
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			if (html == null) {
				helper.setText(mail.text());
			}
			else {
				helper.setText(mail.text(), html);
			}
			if (mail.eightBit()) {
				message.setHeader("Content-Transfer-Encoding", "8bit");
			}
			message.setHeader(HttpHeaders.CONTENT_LANGUAGE, mail.language().toLanguageTag());
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("The e-mail could not be written", ex);
		}
		sender.send(message);
	}

}
