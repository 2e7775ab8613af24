package org.jpledger.training.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The security headers of the upload page's files at /imports/: it runs only its own scripts, talks only to this
 * service, may not be framed, and leaks no referrer.
 */
@ApplicationScoped
public class ImportPageHeaders {

    static final String PATH = "/imports";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    void install(@Observes Filters filters) {
        filters.register(context -> {
            if (context.normalizedPath().startsWith(PATH)) {
                context.response().putHeader("Content-Security-Policy", POLICY)
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader("Referrer-Policy", "no-referrer")
                        // After an upgrade browsers ask again (a 304 when unchanged) instead of keeping old scripts.
                        .putHeader("Cache-Control", "no-cache");
            }
            context.next();
        }, 10);
    }
}
