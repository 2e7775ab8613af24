package org.jpledger.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A running service's heap in use, summed over its pools, as its Prometheus metrics say. */
final class HeapProbe {

    /**
     * Plain HTTP/1.1 with answer timeouts: a /q/metrics request once never got its answer (HTTP/2 upgrade of the JDK
     * client, not diagnosed further) and the whole CI run waited on it.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern HEAP_USED = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE);

    private HeapProbe() {
    }

    /** Bytes of heap in use; 0 when the metrics cannot be read (a sampler must not fail the test it watches). */
    static long used(String baseUrl) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = HEAP_USED.matcher(metrics);
            long used = 0;
            while (matcher.find()) {
                used += (long) Double.parseDouble(matcher.group(1));
            }
            return used;
        } catch (Exception e) {
            return 0;
        }
    }
}
