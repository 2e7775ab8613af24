package org.jpledger.support.limits;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Caps request bodies by media type: CSV imports may be large, everything else is JSON and small. A declared
 * Content-Length over the cap is refused before the body is read; a body sent without one is counted as it is read.
 * A JSON body must also be well-formed UTF-8, checked as it streams (see {@link StrictUtf8}).
 */
@Provider
public class BodyLimits implements ReaderInterceptor {

    private final RequestLimits limits;

    public BodyLimits(RequestLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public void declaredLength(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return;
        }
        MediaType type = mediaType(request);
        try {
            long length = Long.parseLong(declared.trim());
            long cap = capFor(type);
            if (length > cap) {
                throw tooLarge(type, cap);
            }
        } catch (NumberFormatException e) {
            // Vert.x has already refused a malformed Content-Length.
        }
    }

    /** The declared media type; one that cannot be parsed is refused here rather than failing deeper as a 500. */
    private static MediaType mediaType(ContainerRequestContext request) {
        try {
            return request.getMediaType();
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException("The Content-Type header is not a media type: "
                    + request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        InputStream body = new Capped(context.getInputStream(), capFor(type), type);
        // CSV is left to the importer's own strict decoder: bytes that are not UTF-8 far into a file end the import at
        // that row, reported with the rows already recorded, where a failure here would answer a bare 400 instead.
        context.setInputStream(isJson(type) ? new StrictUtf8(body) : body);
        return context.proceed();
    }

    long capFor(MediaType type) {
        return limits.bodyCap(isCsv(type));
    }

    /** A file to import, which may be large: CSV, or JSON lines (application/x-ndjson). */
    static boolean isCsv(MediaType type) {
        return type != null && (type.getSubtype().equalsIgnoreCase("csv")
                || type.getSubtype().equalsIgnoreCase("x-ndjson"));
    }

    /** application/json and any {@code +json} type: RFC 8259 allows JSON only in UTF-8 between systems. */
    static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    private static PayloadTooLargeException tooLarge(MediaType type, long cap) {
        return new PayloadTooLargeException("The request body is larger than the " + (isCsv(type) ? "CSV" : "JSON")
                + " limit of " + cap + " bytes; split it into smaller requests.");
    }

    /** Counts bytes as they are read and fails once the cap is passed. */
    private static final class Capped extends FilterInputStream {
        private final long cap;
        private final MediaType type;
        private long read;

        Capped(InputStream in, long cap, MediaType type) {
            super(in);
            this.cap = cap;
            this.type = type;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > cap) {
                throw tooLarge(type, cap);
            }
        }
    }
}
