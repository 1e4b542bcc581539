package org.decoop.notification.email;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail to one reader, written in one language: plain text, with an HTML alternative
 * when {@code html} is given. {@code eightBit} sends a plain text as written (8bit, not
 * quoted-printable), so that a link in it stays on one line for the reader and for a
 * script reading the raw message.
 */
public record Mail(String to, Locale language, String subject, String text, @Nullable String html, boolean eightBit) {

	public static Mail plain(String to, Locale language, String subject, String text) {
		return new Mail(to, language, subject, text, null, false);
	}

	public Mail withHtml(String html) {
		return new Mail(to, language, subject, text, html, false);
	}

	public Mail asWritten() {
		return new Mail(to, language, subject, text, null, true);
	}

}
