package org.decoop.notification.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLException;

import org.decoop.notification.subscription.TargetGuard;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

/**
 * What went wrong with a delivery attempt, in words a subscriber can act on ("connection
 * refused", "mail server unreachable"): the delivery log is shown to them, and exception
 * names and messages would say nothing useful to them and too much about the service.
 */
public final class DeliveryFailures {

	private DeliveryFailures() {
	}

	public static String describe(Throwable failure, Duration timeout) {
		if (failure instanceof MailException && causedBy(failure, ConnectException.class, UnknownHostException.class,
				SocketTimeoutException.class, NoRouteToHostException.class)) {
			return "mail server unreachable";
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			Optional<String> words = words(cause, timeout);
			if (words.isPresent()) {
				return words.get();
			}
		}
		return failure instanceof MailException ? "the e-mail could not be sent" : "the delivery failed";
	}

	@SafeVarargs
	private static boolean causedBy(Throwable failure, Class<? extends Throwable>... types) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Words for this failure itself; none for one whose cause says more (or nothing a
	 * subscriber can act on).
	 */
	private static Optional<String> words(Throwable failure, Duration timeout) {
		return switch (failure) {
			case HttpConnectTimeoutException e -> Optional.of("could not connect within " + timeout.toMillis() + " ms");
			case HttpTimeoutException e -> Optional.of("no answer within " + timeout.toMillis() + " ms");
			case SocketTimeoutException e -> Optional.of("no answer within " + timeout.toMillis() + " ms");
			case ConnectException e -> Optional.of("connection refused");
			case NoRouteToHostException e -> Optional.of("receiver unreachable");
			case TargetGuard.TargetRefused e -> Optional.of("refused: " + e.getMessage());
			case UnknownHostException e -> Optional.of("unknown host");
			case UnresolvedAddressException e -> Optional.of("unknown host");
			case SSLException e -> Optional.of("TLS handshake failed");
			case MailAuthenticationException e -> Optional.of("the mail server refused the credentials");
			case MailParseException e -> Optional.of("the e-mail address or message is not valid");
			case MailSendException e when e.getCause() == null -> Optional.of("the mail server refused the message");
			case IOException e when e.getCause() == null -> Optional.of("the connection failed");
			default -> Optional.empty();
		};
	}

}
