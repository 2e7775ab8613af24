package org.jpledger.systemtests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP as an integrating system does it: a request whose answer is lost or transient (no connection, timeout, 5xx,
 * 429) is sent again unchanged, with the same idempotency keys, until a definitive answer arrives.
 */
final class RetryingHttp {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String bearer;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong retries = new AtomicLong();

    RetryingHttp(String baseUrl, String bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    /** A definitive answer: status and parsed body (null when empty). */
    record Answer(int status, JsonNode body) {
    }

    Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    Answer send(String method, String path, Object body, Map<String, String> headers) {
        String json = body == null ? null : write(body);
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            requests.incrementAndGet();
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", bearer)
                        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json));
                if (json != null) {
                    request.header("Content-Type", "application/json");
                }
                headers.forEach(request::header);
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 500 && status != 429 && status != 408) {
                    return new Answer(status, response.body().isEmpty() ? null : JSON.readTree(response.body()));
                }
            } catch (IOException e) {
                // connection refused or reset, timeout: the answer is lost, the request may or may not have landed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " " + path + " had no definitive answer within " + GIVE_UP);
            }
            retries.incrementAndGet();
            Pause.of(backoff);
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2)
                    : backoff.multipliedBy(2);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
