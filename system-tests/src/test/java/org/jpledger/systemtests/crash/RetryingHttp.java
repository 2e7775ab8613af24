package org.jpledger.systemtests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
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
        Map<String, String> all = new HashMap<>(headers);
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        HttpResponse<String> response = exchange(method, path,
                body == null ? null : write(body).getBytes(StandardCharsets.UTF_8), all);
        return answer(response);
    }

    /** A definitive answer to a request with {@code body} as {@code contentType} (a file): status and parsed body. */
    Answer send(String method, String path, byte[] body, String contentType) {
        HttpResponse<String> response = exchange(method, path, body, Map.of("Content-Type", contentType));
        return answer(response);
    }

    /** A definitive answer's text, for answers that are not JSON (a CSV report). */
    String text(String path) {
        HttpResponse<String> response = exchange("GET", path, null, Map.of());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static Answer answer(HttpResponse<String> response) {
        try {
            return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> exchange(String method, String path, byte[] body, Map<String, String> headers) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            requests.incrementAndGet();
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", bearer)
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                headers.forEach(request::header);
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 500 && status != 429 && status != 408) {
                    return response;
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
