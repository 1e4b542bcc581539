package org.decoop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.decoop.platform.testing.ServiceApi;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

/**
 * The confirmation e-mails an SMTP server (GreenMail) caught, and their links used as the
 * reader of the mailbox would: without a bearer token. The links start with the
 * configured public URL; the tests call the same path and query on the service's random
 * port.
 */
public final class ConfirmationMails {

	/** The subject of an English one. */
	public static final String SUBJECT = "[decoop] Confirm your e-mail subscription";

	private static final Pattern LINK = Pattern
		.compile("https?://[^\\s/]+(/api/subscriptions/[^\\s/]+/confirmation\\?token=[A-Za-z0-9_-]+)");

	private ConfirmationMails() {
	}

	/**
	 * The path and query of every confirmation link sent to {@code address}, oldest
	 * first.
	 */
	public static List<String> links(GreenMailExtension smtp, String address) {
		return Arrays.stream(smtp.getReceivedMessages())
			.filter(message -> isConfirmationTo(message, address))
			.map(message -> {
				Matcher link = LINK.matcher(GreenMailUtil.getBody(message));
				assertThat(link.find()).as("a confirmation link in %s", GreenMailUtil.getBody(message)).isTrue();
				assertThat(URI.create(link.group()).getHost()).isEqualTo("localhost");
				return link.group(1);
			})
			.toList();
	}

	/** The confirmation e-mails sent to {@code address}, oldest first. */
	public static List<MimeMessage> to(GreenMailExtension smtp, String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> isConfirmationTo(message, address)).toList();
	}

	/**
	 * Waits for the {@code count}-th confirmation e-mail to {@code address} and answers
	 * its link's path and query.
	 */
	public static String awaitLink(GreenMailExtension smtp, String address, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> links(smtp, address).size() >= count);
		return links(smtp, address).get(count - 1);
	}

	/**
	 * Confirms the subscription of the latest confirmation e-mail to {@code address}, as
	 * its reader: no token.
	 */
	public static void confirm(ServiceApi anonymous, GreenMailExtension smtp, String address) {
		awaitLink(smtp, address, 1);
		ServiceApi.Answer confirmed = anonymous.raw("POST", links(smtp, address).getLast(), null, null);
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("ACTIVE");
	}

	/**
	 * The notification and digest e-mails to {@code address}, not its confirmation
	 * e-mails.
	 */
	public static List<MimeMessage> notificationMailsTo(GreenMailExtension smtp, String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> !isConfirmation(message)).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients())
					.anyMatch(recipient -> recipient.toString().equals(address));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	/**
	 * Whether it is one of the notifications proper (a notification or a digest), not a
	 * confirmation e-mail.
	 */
	public static boolean isConfirmation(MimeMessage message) {
		// by its link: its subject is in the subscription's language
		return LINK.matcher(GreenMailUtil.getBody(message)).find();
	}

	private static boolean isConfirmationTo(MimeMessage message, String address) {
		try {
			return isConfirmation(message)
					&& Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
