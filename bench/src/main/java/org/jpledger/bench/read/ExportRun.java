package org.jpledger.bench.read;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jpledger.bench.Measurement;

/**
 * One compliance export of the whole tree ({@code GET /api/v1/exports/compliance}, CSV) streamed from reporting-service
 * and counted (rows, bytes) while the service's used heap is sampled from its {@code /q/metrics} every 100 ms, as
 * LargeExportTest does. The caller starts the service with the heap limit the target is about (e.g. -Xmx256m).
 */
public final class ExportRun {

    private static final Progress LOG = Progress.of(ExportRun.class);
    private static final Pattern HEAP_USED = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE);
    private static final double MIB = 1024 * 1024;

    private final ReportingClient client;
    private final Duration sampleEvery;

    public ExportRun(ReportingClient client) {
        this(client, Duration.ofMillis(100));
    }

    public ExportRun(ReportingClient client, Duration sampleEvery) {
        this.client = client;
        this.sampleEvery = sampleEvery;
    }

    /**
     * Streams the export and returns its rate ({@code export.rate.<scale>}, rows/s) and the service's peak used heap
     * ({@code export.heap.<scale>}, MB of 2^20 bytes).
     *
     * @param year          the training year exported
     * @param heapLimitMb   the -Xmx the service runs with, in MB (2^20 bytes): the target (the peak must stay within it
     *                      and the service must survive); null for no target
     * @param expectedRows  the rows the export must hold (the loaded employee count), or null not to check
     */
    public List<Measurement> run(String scale, int year, Integer heapLimitMb, Long expectedRows) {
        long idleHeap = heapUsed(client);
        AtomicLong peak = new AtomicLong(idleHeap);
        AtomicInteger samples = new AtomicInteger();
        AtomicBoolean exporting = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (exporting.get()) {
                long used = heapUsed(client);
                if (used > 0) {
                    peak.accumulateAndGet(used, Math::max);
                    samples.incrementAndGet();
                }
                try {
                    Thread.sleep(sampleEvery.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "export-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        LOG.info("export.{}: streaming the compliance export of {} (CSV)", scale, year);
        HttpRequest request = HttpRequest.newBuilder(client.base().resolve("/api/v1/exports/compliance?year=" + year
                        + "&format=csv")).header("Authorization", client.authorization()).GET().build();
        long started = System.nanoTime();
        long firstByteNanos;
        long bytes = 0;
        long lines = 0;
        String rowCountHeader;
        try {
            HttpResponse<InputStream> response = client.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            firstByteNanos = System.nanoTime() - started;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String problem = new String(body.readNBytes(500), StandardCharsets.UTF_8);
                    throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode() + ": "
                            + problem);
                }
                rowCountHeader = response.headers().firstValue("X-JPLedger-Row-Count").orElse(null);
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = body.read(buffer)) >= 0) {
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the export stream broke after " + bytes + " bytes: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the export", e);
        } finally {
            exporting.set(false);
            sampler.interrupt();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Header line and trailer line around the data rows.
        long rows = lines - 2;
        if (rowCountHeader != null && Long.parseLong(rowCountHeader) != rows) {
            throw new IllegalStateException("the export announced " + rowCountHeader + " rows but held " + rows);
        }
        if (expectedRows != null && rows != expectedRows) {
            throw new IllegalStateException("the export held " + rows + " rows, expected " + expectedRows);
        }
        boolean alive = heapUsed(client) > 0;
        double rate = rows / seconds;
        double peakMb = peak.get() / MIB;
        LOG.info(String.format(Locale.ROOT, "export.%s: %,d rows, %.1f MB in %.1f s (first byte after %.1f s) = %.0f "
                        + "rows/s; peak heap used %.0f MB (idle %.0f MB, %d samples)", scale, rows, bytes / 1e6, seconds,
                firstByteNanos / 1e9, rate, peakMb, idleHeap / MIB, samples.get()));
        String note = String.format(Locale.ROOT, "%,d rows (%.1f MB of CSV) in %.1f s, first byte after %.1f s (the "
                        + "service counts the rows first, then streams them); whole tree, one request", rows, bytes / 1e6,
                seconds, firstByteNanos / 1e9);
        String heapNote = String.format(Locale.ROOT, "peak of %d samples of jvm_memory_used_bytes{area=heap} from "
                        + "/q/metrics, every %d ms during the export; %.0f MB before it; MB = 2^20 bytes%s; service %s "
                        + "after the export", samples.get(), sampleEvery.toMillis(), idleHeap / MIB,
                heapLimitMb == null ? "" : "; the service ran with -Xmx" + heapLimitMb + "m",
                alive ? "still answering" : "NOT ANSWERING");
        Measurement rateMeasurement = new Measurement("export.rate." + scale, "Compliance export (CSV) of the whole tree, "
                + scale + " scale", rate, "rows/s", null, null, null, null, note);
        Measurement heapMeasurement = new Measurement("export.heap." + scale, "Peak heap of reporting-service during "
                + "the " + scale + " export", Math.round(peakMb * 10) / 10.0, "MB", null, null,
                heapLimitMb == null ? null : "heap ≤ " + heapLimitMb + " MB",
                heapLimitMb == null ? null : alive && peakMb <= heapLimitMb, heapNote);
        return List.of(rateMeasurement, heapMeasurement);
    }

    /** The service's used heap in bytes (all heap pools), or 0 when the metrics do not answer. */
    static long heapUsed(ReportingClient client) {
        try {
            HttpResponse<String> response = client.http().send(HttpRequest.newBuilder(client.base().resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            return sumHeap(response.body());
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static long sumHeap(String metrics) {
        Matcher matcher = HEAP_USED.matcher(metrics);
        long used = 0;
        while (matcher.find()) {
            used += (long) Double.parseDouble(matcher.group(1));
        }
        return used;
    }
}
