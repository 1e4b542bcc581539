package org.decoop.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.decoop.events.Channel;
import org.jspecify.annotations.Nullable;

/**
 * How a subscription's target is shown once it is stored: enough to recognise it, not
 * enough to use it. A webhook URL's path and query often carry a token of the receiver's
 * ({@code https://hooks.example/T0K3N}), an e-mail address is personal data; both stay
 * out of responses after creation, delivery logs, events and log lines. Every feature
 * that shows a target uses it (subscriptions, deliveries, the inbox), so it sits in the
 * service's root package, in no feature.
 */
public final class MaskedTarget {

	private MaskedTarget() {
	}

	/**
	 * {@code https://hooks.example/…}, {@code c…@skgo.org}; none for an INBOX, which has
	 * no target.
	 */
	public static Optional<String> of(Channel channel, @Nullable String target) {
		if (target == null) {
			return Optional.empty();
		}
		return switch (channel) {
			case WEBHOOK -> Optional.of(webhook(target));
			case EMAIL -> Optional.of(email(target));
			case INBOX -> Optional.empty();
		};
	}

	private static String webhook(String url) {
		try {
			URI uri = new URI(url);
			String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
			boolean more = (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
					|| uri.getRawQuery() != null;
			return more ? origin + "/…" : origin;
		}
		catch (URISyntaxException | RuntimeException e) {
			return "…";
		}
	}

	private static String email(String address) {
		int at = address.lastIndexOf('@');
		return at <= 0 ? "…" : address.charAt(0) + "…" + address.substring(at);
	}

}
