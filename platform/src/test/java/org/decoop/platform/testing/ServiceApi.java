package org.decoop.platform.testing;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's HTTP API as a client calls it, over a real connection (Spring's {@link RestTestClient}
 * bound to the running server), answering what came back whatever the status, so that scenarios
 * can assert on errors as plainly as on successes.
 */
public final class ServiceApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient client;

    private ServiceApi(RestTestClient client) {
        this.client = client;
    }

    /** The service listening on {@code port} of this machine. */
    public static ServiceApi onPort(int port) {
        return new ServiceApi(RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build());
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    /** A POST without a body (a domain action that needs no input). */
    public Answer post(String path) {
        return send("POST", path, null, null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, json, null);
    }

    /** Sends {@code json} (none: no body) with {@code If-Match} (none: without). */
    public Answer send(String method, String path, String json, String ifMatch) {
        RestTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(path);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        EntityExchangeResult<String> result = request.exchange().expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }

    /** What the service answered. */
    public record Answer(int statusCode, HttpHeaders headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.getFirst(name));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The {@code id} of a created resource. */
        public String id() {
            return json().get("id").asString();
        }
    }
}
