package org.jpledger.reporting.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jpledger.reporting.config.ExportsConfig;
import org.jpledger.reporting.export.StreamedExport;

/**
 * Streams prepared exports to their clients and makes sure each export ends, so its database connection and its place
 * among the exports in flight come back: a write that waits longer than the write timeout for a client that stopped
 * reading aborts the response, and an export whose response ends without it being written (the client went away
 * first, a later step failed) is closed.
 */
@ApplicationScoped
public class ExportStreams {

    /** A write's start time meaning "not writing now". */
    private static final long IDLE = Long.MIN_VALUE;

    private final RoutingContext routing;
    private final Vertx vertx;
    private final long timeoutNanos;
    private final Counter stalled;
    private final Set<GuardedOutput> writing = ConcurrentHashMap.newKeySet();
    private final long watch;

    public ExportStreams(RoutingContext routing, Vertx vertx, ExportsConfig config, MeterRegistry registry) {
        this.routing = routing;
        this.vertx = vertx;
        if (config.writeTimeout().isNegative() || config.writeTimeout().isZero()) {
            throw new IllegalArgumentException("jpledger.exports.write-timeout must be positive");
        }
        this.timeoutNanos = config.writeTimeout().toNanos();
        this.stalled = Counter.builder("jpledger.exports.stalled")
                .description("Export responses aborted because the client stopped reading").register(registry);
        // A few looks per timeout: a stalled write is found at most a quarter of the timeout, or a second, late.
        long every = Math.max(50, Math.min(1_000, config.writeTimeout().toMillis() / 4));
        this.watch = vertx.setPeriodic(every, id -> abortStalled());
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(watch);
    }

    /** The response body of {@code export}, for the current request; the export ends however the response does. */
    public StreamingOutput body(StreamedExport export) {
        HttpServerRequest request = routing.request();
        // The end handler runs on the event loop; ending a snapshot talks to the database, so it goes to a worker.
        routing.addEndHandler(ended -> vertx.executeBlocking(() -> {
            if (export.closeUnlessWriting()) {
                Log.debugf("export %s closed unwritten: its response ended first", export.fileName());
            }
            return null;
        }, false));
        return out -> {
            GuardedOutput guarded = new GuardedOutput(out, request);
            writing.add(guarded);
            try {
                export.writeTo(guarded);
            } catch (IOException e) {
                if (!request.response().closed()) {
                    throw e;
                }
                // Nobody is left to answer: a failure here is the client's leaving, not the service's fault.
                Log.infof("export %s to %s ended early: the connection closed", export.fileName(),
                        request.remoteAddress());
            } finally {
                writing.remove(guarded);
            }
        };
    }

    private void abortStalled() {
        long now = System.nanoTime();
        for (GuardedOutput output : writing) {
            if (output.stalledAt(now)) {
                writing.remove(output);
                stalled.increment();
                Log.warnf("an export to %s waited over %d ms for its client to read; the response is aborted",
                        output.request.remoteAddress(), timeoutNanos / 1_000_000);
                abort(output.request);
            }
        }
    }

    /**
     * Ends the response at once. Closing the HTTP/1 connection through Vert.x (its API or its channel) first waits for
     * what is queued to be sent, which a client that stopped reading never allows; closing it below Vert.x's handler,
     * as Vert.x's own idle timeout does, fails the queued writes, and the blocked writer learns that the connection is
     * closed. An HTTP/2 stream is reset alone.
     */
    private static void abort(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset();
        } else if (request.connection() instanceof ConnectionBase connection) {
            connection.channelHandlerContext().close();
        } else {
            request.connection().close();
        }
    }

    /** The response stream, noting when a write, flush or close began and has not returned. */
    private final class GuardedOutput extends OutputStream {

        private final OutputStream out;
        private final HttpServerRequest request;
        private volatile long since = IDLE;

        GuardedOutput(OutputStream out, HttpServerRequest request) {
            this.out = out;
            this.request = request;
        }

        boolean stalledAt(long now) {
            long began = since;
            return began != IDLE && now - began > timeoutNanos;
        }

        @Override
        public void write(int b) throws IOException {
            begin();
            try {
                out.write(b);
            } finally {
                since = IDLE;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            begin();
            try {
                out.write(bytes, offset, length);
            } finally {
                since = IDLE;
            }
        }

        @Override
        public void flush() throws IOException {
            begin();
            try {
                out.flush();
            } finally {
                since = IDLE;
            }
        }

        @Override
        public void close() throws IOException {
            begin();
            try {
                out.close();
            } finally {
                since = IDLE;
            }
        }

        private void begin() throws IOException {
            // Writes to a connection the client has closed fail without a word; stop reading rows for nobody.
            if (request.response().closed()) {
                throw new IOException("the connection closed");
            }
            since = System.nanoTime();
        }
    }
}
