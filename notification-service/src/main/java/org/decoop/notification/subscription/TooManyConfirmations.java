package org.decoop.notification.subscription;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An address had as many confirmation e-mails as it may get in the window: 429, Retry-After saying
 * when the next one can go.
 */
class TooManyConfirmations extends ErrorResponseException {

    TooManyConfirmations(int max, Duration window, Instant retryAt, Instant now) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(max, window, retryAt), null);
        long seconds = Math.max(1, (Duration.between(now, retryAt).toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private static ProblemDetail problem(int max, Duration window, Instant retryAt) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "This address was sent %d confirmation e-mails within %s, the most it gets; the next one can go at %s"
                        .formatted(max, human(window), retryAt));
        problem.setType(URI.create("https://decoop.org/problems/limit-reached"));
        problem.setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        return problem;
    }

    private static String human(Duration window) {
        return window.toMinutesPart() == 0 && window.toSecondsPart() == 0 && window.toHours() > 0 ? window.toHours() + " h"
                : window.toSeconds() + " s";
    }
}
