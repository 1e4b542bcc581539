package org.decoop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.decoop.notification.NotificationProperties;
import org.decoop.platform.i18n.LocalizedFormats;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * Every e-mail of the service as its reader's mail program gets it: the service's sender,
 * words and dates in the reader's language (the zone named), the language said, UTF-8
 * text, an HTML alternative where there is one, and a link kept on one line where asked.
 */
class MailWriterTest {

	private static final Locale SERBIAN = Locale.forLanguageTag("sr-Cyrl");

	private final List<MimeMessage> sent = new ArrayList<>();

	private final MailWriter writer = new MailWriter(new JavaMailSenderImpl() {
		@Override
		protected void doSend(MimeMessage[] messages, Object[] originals) {
			sent.addAll(List.of(messages));
		}
	}, properties("decoop <notifications@decoop.local>"), messages(), new LocalizedFormats());

	@Test
	void writesAPlainTextMailFromTheServiceInTheReadersLanguage() throws Exception {
		writer.send(Mail.plain("ana@skgo.example", SERBIAN, "Потврдите претплату", "Здраво, Ана."));

		MimeMessage mail = sent.getFirst();
		mail.saveChanges();
		assertThat(mail.getFrom()[0]).hasToString("decoop <notifications@decoop.local>");
		assertThat(mail.getAllRecipients()[0]).hasToString("ana@skgo.example");
		assertThat(mail.getSubject()).isEqualTo("Потврдите претплату");
		assertThat(mail.getContent()).isEqualTo("Здраво, Ана.");
		assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat(mail.getHeader("Content-Language")).containsExactly("sr-Cyrl");
	}

	@Test
	void writesAnHtmlAlternativeBesideTheText() throws Exception {
		writer.send(Mail.plain("ana@skgo.example", Locale.FRENCH, "Résumé", "Bonjour").withHtml("<p>Bonjour</p>"));

		MimeMessage mail = sent.getFirst();
		mail.saveChanges();
		String raw = raw(mail);
		assertThat(mail.getContent()).isInstanceOf(Multipart.class);
		assertThat(raw).contains("text/plain", "Bonjour", "text/html", "<p>Bonjour</p>");
		assertThat(mail.getHeader("Content-Language")).containsExactly("fr");
	}

	@Test
	void keepsALongLinkOnOneLineWhenTheMailIsSentAsWritten() throws Exception {
		String link = "http://localhost:8083/api/subscriptions/0b0f6c8e-6f6f-4c35-9d8e-1a2b3c4d5e6f/confirm?token=abc=def";
		writer
			.send(Mail.plain("ana@skgo.example", Locale.ENGLISH, "Confirm", "Open " + link + " – thanks").asWritten());

		MimeMessage mail = sent.getFirst();
		mail.saveChanges();
		assertThat(mail.getEncoding()).isEqualTo("8bit");
		assertThat(raw(mail)).contains(link);
	}

	@Test
	void saysAMailThatCannotBeWrittenAsAMailFailure() {
		assertThatThrownBy(() -> writer.send(Mail.plain("not an <address", Locale.ENGLISH, "Hello", "Hello")))
			.isInstanceOf(MailPreparationException.class);
		assertThat(sent).isEmpty();
	}

	@Test
	void saysItsWordsAndDatesInTheReadersLanguageNamingTheEmailTimeZone() {
		Instant moment = Instant.parse("2027-03-28T06:30:00Z");

		assertThat(writer.say("greeting", SERBIAN, "Ана")).isEqualTo("Здраво, Ана");
		assertThat(writer.say("greeting", Locale.ENGLISH, "Ana")).isEqualTo("Hello, Ana");
		assertThat(writer.at(moment, Locale.ENGLISH))
			.isEqualTo(new LocalizedFormats().dateTime(moment, ZoneId.of("Europe/Belgrade"), Locale.ENGLISH)
					+ " (Europe/Belgrade)");
	}

	private static String raw(MimeMessage mail) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		mail.writeTo(bytes);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("greeting", Locale.ENGLISH, "Hello, {0}");
		messages.addMessage("greeting", SERBIAN, "Здраво, {0}");
		return messages;
	}

	static NotificationProperties properties(String from) {
		return new Binder(new MapConfigurationPropertySource(
				Map.of("decoop.notification.secret-key", "unused", "decoop.notification.mail-from", from)))
			.bind("decoop.notification", NotificationProperties.class)
			.get();
	}

}
