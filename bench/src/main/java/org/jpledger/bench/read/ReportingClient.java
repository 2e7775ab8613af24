package org.jpledger.bench.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GET requests to reporting-service with a bearer token, answering 200 or failing loudly: a benchmark must never time
 * error responses as if they were answers.
 */
public final class ReportingClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param base          e.g. {@code http://127.0.0.1:8082}
     * @param authorization the Authorization header value ({@code Bearer ...}); a bare token gets the prefix
     */
    public ReportingClient(URI base, String authorization, Duration timeout) {
        this.base = base;
        this.authorization = authorization.startsWith("Bearer ") ? authorization : "Bearer " + authorization;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    String authorization() {
        return authorization;
    }

    /** The request for a path and query, e.g. {@code /api/v1/compliance/summary?year=2026}. */
    HttpRequest request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
    }

    /** Sends the request; its body if the answer is 200, else an exception naming the status and the body's start. */
    byte[] send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + request.uri(), e);
        }
        if (response.statusCode() != 200) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode() + ": "
                    + body.substring(0, Math.min(body.length(), 500)));
        }
        return response.body();
    }

    /** The JSON answer to a GET. */
    public JsonNode json(String pathAndQuery) {
        try {
            return JSON.readTree(send(request(pathAndQuery)));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " did not answer JSON: " + e.getMessage(), e);
        }
    }

    /** The unit's figures over its subtree in the year, as {@code GET /api/v1/compliance/units/{code}} says. */
    public JsonNode unitFigures(String code, int year) {
        return json(unitPath(code) + "?year=" + year).path("unit").path("figures");
    }

    /** The headcount of the unit's subtree in the year, as the API counts it. */
    public long unitHeadcount(String code, int year) {
        JsonNode headcount = unitFigures(code, year).path("headcount");
        if (!headcount.isNumber()) {
            throw new IllegalStateException("the unit answer for " + code + " holds no headcount");
        }
        return headcount.asLong();
    }

    static String unitPath(String code) {
        return "/api/v1/compliance/units/" + encode(code);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
