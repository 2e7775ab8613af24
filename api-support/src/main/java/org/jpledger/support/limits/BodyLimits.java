package org.jpledger.support.limits;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Caps request bodies by media type: file bodies (CSV and JSON-lines imports, uploaded PDFs and images) may be large,
 * everything else is JSON and small; an endpoint taking files bounds them further itself. A declared
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
        long cap = capFor(type);
        InputStream body = new CappedInputStream(context.getInputStream(), cap, () -> tooLarge(type, cap));
        // CSV is left to the importer's own strict decoder: bytes that are not UTF-8 far into a file end the import at
        // that row, reported with the rows already recorded, where a failure here would answer a bare 400 instead.
        context.setInputStream(isJson(type) ? new StrictUtf8(body) : body);
        return context.proceed();
    }

    long capFor(MediaType type) {
        return limits.bodyCap(isCsv(type));
    }

    /**
     * A file body: CSV, or JSON lines (application/x-ndjson), which are read as they stream, like CSV; or an uploaded
     * document (application/pdf, image/*, application/octet-stream), which its endpoint reads up to its own limit.
     */
    static boolean isCsv(MediaType type) {
        return type != null && (type.getSubtype().equalsIgnoreCase("csv")
                || type.getSubtype().equalsIgnoreCase("x-ndjson") || isDocument(type));
    }

    private static boolean isDocument(MediaType type) {
        return type.getType().equalsIgnoreCase("image")
                || type.getType().equalsIgnoreCase("application") && (type.getSubtype().equalsIgnoreCase("pdf")
                        || type.getSubtype().equalsIgnoreCase("octet-stream"));
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
        return new PayloadTooLargeException("The request body is larger than the " + (isCsv(type) ? "file" : "JSON")
                + " limit of " + cap + " bytes; split it into smaller requests.");
    }
}
