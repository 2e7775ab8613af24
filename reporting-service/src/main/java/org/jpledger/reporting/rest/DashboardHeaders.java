package org.jpledger.reporting.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import org.jpledger.reporting.config.DashboardConfig;

/**
 * The security headers of the dashboard's files: it runs only its own scripts, talks only to this service (and to the
 * identity provider's token endpoint when sign-in there is configured), may not be framed, and leaks no referrer.
 */
@ApplicationScoped
public class DashboardHeaders {

    static final String PATH = "/dashboard";

    void install(@Observes Filters filters, DashboardConfig config) {
        String policy = contentSecurityPolicy(config.signIn().tokenEndpoint());
        filters.register(context -> {
            if (context.normalizedPath().startsWith(PATH)) {
                context.response().putHeader("Content-Security-Policy", policy)
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader("Referrer-Policy", "no-referrer")
                        // After an upgrade browsers ask again (a 304 when unchanged) instead of keeping old scripts.
                        .putHeader("Cache-Control", "no-cache");
            }
            context.next();
        }, 10);
    }

    /** The policy, letting scripts also reach the origin of {@code tokenEndpoint} when it is an absolute URL. */
    static String contentSecurityPolicy(Optional<String> tokenEndpoint) {
        String provider = tokenEndpoint.flatMap(DashboardHeaders::origin).map(origin -> " " + origin).orElse("");
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "connect-src 'self'" + provider + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }

    private static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
