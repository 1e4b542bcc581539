package org.decoop.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.Clock;
import java.time.Duration;

import org.decoop.notification.subscription.domain.WebhookSecret;

/**
 * POSTs one notification to a webhook the Standard Webhooks way: the structured CloudEvent as
 * body ({@code application/cloudevents+json}), {@code webhook-id} stable across retries,
 * {@code webhook-timestamp} in Unix seconds, {@code webhook-signature} over both and the body.
 * Redirects are not followed (they could lead to an internal address).
 */
class WebhookSender {

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The receiver's status code; throws when no answer came. */
    int send(String url, String messageId, String body, WebhookSecret secret) throws IOException, InterruptedException {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/cloudevents+json")
                .header("User-Agent", "decoop-webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", secret.sign(messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        // One deadline for the whole exchange: the client's own timeout stops at the headers, so a
        // receiver that answers them and then trickles its body would hold the attempt for ever.
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        }
        catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms");
        }
        catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
