package org.decoop.notification.delivery;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.decoop.notification.subscription.TargetGuard;
import org.decoop.notification.subscription.domain.WebhookSecret;

/**
 * POSTs one notification to a webhook the Standard Webhooks way: the structured
 * CloudEvent as body ({@code application/cloudevents+json}), {@code webhook-id} stable
 * across retries, {@code webhook-timestamp} in Unix seconds, {@code webhook-signature}
 * over both and the body.
 *
 * <p>
 * Apache HttpClient rather than the JDK's: its {@link DnsResolver} lets the
 * {@link TargetGuard} resolve the name once and hand over only the addresses it checked,
 * so the connection goes where the check looked (the JDK client resolves on its own).
 * Redirects are not followed (they could lead to an internal address) and nothing is
 * retried behind the schedule's back.
 */
class WebhookSender implements Closeable {

	private final CloseableHttpClient http;

	private final ScheduledExecutorService deadlines;

	private final Duration timeout;

	private final Clock clock;

	WebhookSender(TargetGuard guard, Duration timeout, int connections, Clock clock) {
		DnsResolver checkedOnly = new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return guard.checkedAddresses(host);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}
		};
		Timeout perAttempt = Timeout.of(timeout);
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(checkedOnly)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(perAttempt).setSocketTimeout(perAttempt).build())
				.setMaxConnTotal(connections)
				.setMaxConnPerRoute(connections)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.setUserAgent("decoop-webhooks/1")
			.build();
		this.deadlines = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-deadlines").daemon().factory());
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * The receiver's status code; throws when no answer came within the timeout, or the
	 * guard refused the addresses the target resolves to
	 * ({@link TargetGuard.TargetRefused}).
	 */
	int send(String url, String messageId, String body, WebhookSecret secret) throws IOException {
		long timestamp = clock.instant().getEpochSecond();
		HttpPost post = new HttpPost(url);
		post.setHeader("webhook-id", messageId);
		post.setHeader("webhook-timestamp", Long.toString(timestamp));
		post.setHeader("webhook-signature", secret.sign(messageId, timestamp, body));
		// JSON is UTF-8 by definition: no charset parameter, as receivers compare the
		// media type
		post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8),
				ContentType.create("application/cloudevents+json")));
		// One deadline for the whole exchange: the socket timeout bounds each read, not a
		// receiver
		// that trickles one byte at a time.
		ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
		try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
			// The body is not read: closing an unread response drops its connection.
			return response.getCode();
		}
		catch (IOException e) {
			if (post.isCancelled()) {
				throw new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms");
			}
			throw e;
		}
		finally {
			deadline.cancel(false);
		}
	}

	@Override
	public void close() throws IOException {
		deadlines.shutdownNow();
		http.close();
	}

}
