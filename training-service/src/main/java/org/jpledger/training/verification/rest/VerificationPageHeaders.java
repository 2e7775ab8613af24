package org.jpledger.training.verification.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The security headers of the verifier's page at /verification/: as the upload page's, except that it may show the
 * certificate files it fetched itself (blob: URLs) in an image or a frame.
 */
@ApplicationScoped
public class VerificationPageHeaders {

    static final String PATH = "/verification/";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "frame-src blob:; object-src 'none'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";

    void install(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            if (path.startsWith(PATH) || path.equals("/verification")) {
                context.response().putHeader("Content-Security-Policy", POLICY)
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader("Referrer-Policy", "no-referrer")
                        .putHeader("Cache-Control", "no-cache");
            }
            context.next();
        }, 10);
    }
}
