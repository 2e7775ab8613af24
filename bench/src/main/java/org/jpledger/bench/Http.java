package org.jpledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP/1.1 calls to one service as an integrating system makes them, with the bearer token of the run. No retries: a
 * benchmark counts what the first answer was.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** An answer: status and body text; status 0 when no answer came (connection failure or timeout). */
    record Answer(int status, String body, String failure) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + abbreviate(body), e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status == 0 ? "no answer (" + failure + ")" : "HTTP " + status + " " + abbreviate(body);
        }
    }

    private final HttpClient client;
    private final String baseUrl;
    private final String bearer;

    Http(String baseUrl, String bearer) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    String baseUrl() {
        return baseUrl;
    }

    Answer get(String path, Duration timeout) {
        return send("GET", path, null, Map.of(), timeout);
    }

    Answer send(String method, String path, Object body, Map<String, String> headers, Duration timeout) {
        String json = body == null ? null : body instanceof String s ? s : write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", bearer)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Answer(0, "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "interrupted");
        }
    }

    /** Sends and insists on one of {@code statuses}, failing the run otherwise. */
    Answer expect(String method, String path, Object body, Duration timeout, int... statuses) {
        Answer answer = send(method, path, body, Map.of(), timeout);
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + answer);
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
