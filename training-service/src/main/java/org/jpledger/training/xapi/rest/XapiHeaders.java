package org.jpledger.training.xapi.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jpledger.contracts.xapi.XapiProfile;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.xapi.store.StatementClock;
import org.jpledger.training.xapi.rules.Timestamps;

/**
 * The xAPI headers: every request to an xAPI resource but /xapi/about names the xAPI version it speaks (1.0.x or
 * 2.0.x); every answer names the version the store speaks to it, the Statement Resource's say how far the store was
 * consistent when the request began, and a 401 offers HTTP Basic as well as bearer tokens. A statement request in a
 * multipart type other than multipart/mixed is refused with 400, as xAPI asks.
 */
public class XapiHeaders {

    public static final String VERSION = "X-Experience-API-Version";
    public static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";
    private static final String CONSISTENT_AT_START = "jpledger.xapi.consistent-through";
    private static final Pattern V1 = Pattern.compile("1\\.0(\\.\\d+)?");
    private static final Pattern V2 = Pattern.compile("2\\.0(\\.\\d+)?");

    private final StatementClock clock;

    public XapiHeaders(StatementClock clock) {
        this.clock = clock;
    }

    /**
     * The version the store answers a client sending {@code header} with ({@code 2.0.0} or {@code 1.0.3}); null when
     * the header is missing or names a version the store does not speak.
     */
    static String spoken(String header) {
        if (header == null) {
            return null;
        }
        String version = header.trim();
        return V2.matcher(version).matches() ? XapiProfile.VERSION_2
                : V1.matcher(version).matches() ? XapiProfile.VERSION_1 : null;
    }

    @ServerRequestFilter(preMatching = true)
    public void version(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!isXapi(path) || path.startsWith("/xapi/about")) {
            return;
        }
        if (path.startsWith("/xapi/statements")) {
            request.setProperty(CONSISTENT_AT_START, clock.consistentThrough());
        }
        String header = request.getHeaderString(VERSION);
        if (header == null || header.isBlank()) {
            throw InvalidRequestException.of(VERSION, "required: the xAPI version the client speaks (2.0.0 or 1.0.3)");
        }
        if (spoken(header) == null) {
            throw InvalidRequestException.of(VERSION, "this store speaks xAPI 2.0.x and 1.0.x, not " + header.trim());
        }
        if (path.startsWith("/xapi/statements") && isOtherMultipart(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            // A multipart body is a statement request with attachments, which xAPI sends as application/json or
            // multipart/mixed and nothing else: "400 Bad Request" (Data 2.4.11, XAPI-00127), not resource matching's 415.
            throw InvalidRequestException.of(HttpHeaders.CONTENT_TYPE, "a statement request with attachments is "
                    + "application/json or multipart/mixed");
        }
    }

    private static boolean isOtherMultipart(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.trim().toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") && !type.startsWith("multipart/mixed");
    }

    @ServerResponseFilter
    public void answer(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!isXapi(path)) {
            return;
        }
        String spoken = spoken(request.getHeaderString(VERSION));
        response.getHeaders().putSingle(VERSION, spoken != null ? spoken : XapiProfile.VERSION_2);
        if (request.getProperty(CONSISTENT_AT_START) instanceof Instant consistent) {
            response.getHeaders().putSingle(CONSISTENT_THROUGH, Timestamps.format(consistent));
        }
        if (response.getStatus() == 401) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"xAPI\", Bearer");
        }
    }

    private static boolean isXapi(String path) {
        return path.equals("/xapi") || path.startsWith("/xapi/");
    }
}
