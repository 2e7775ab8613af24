package org.jpledger.support.audit;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jpledger.support.security.Caller;

/**
 * Writes an audit entry for every call of an {@link Audited} endpoint once its status is known, including calls refused
 * for a wrong role or a foreign unit; calls without a valid token are tallied by {@link AnonymousRefusals} instead. Targets come from the path ({@code nip}, {@code code},
 * {@code id} or a single other parameter) unless the resource named them on the {@link AuditTrail}.
 */
public class AuditFilter {

    private final AuditLog log;
    private final AuditTrail trail;
    private final Caller caller;
    private final AnonymousRefusals anonymous;

    public AuditFilter(AuditLog log, AuditTrail trail, Caller caller, AnonymousRefusals anonymous) {
        this.log = log;
        this.trail = trail;
        this.caller = caller;
        this.anonymous = anonymous;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        Audited audited = method == null ? null : method.getAnnotation(Audited.class);
        if (audited == null) {
            return;
        }
        AuditEntry entry = entry(audited.value(), request, response.getStatus());
        if (anonymous()) {
            // Anyone can send these: a counter and a periodic tally, never a row each.
            anonymous.count(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(), entry.action(),
                    request.getHeaderString(HttpHeaders.AUTHORIZATION) == null ? "no-credentials"
                            : "invalid-credentials", entry.status(), http.path());
            return;
        }
        if (Context.isOnEventLoopThread()) {
            Infrastructure.getDefaultWorkerPool().execute(() -> append(entry));
        } else {
            append(entry);
        }
    }

    /** Whether the call had no accepted credential: decided by the identity, never by a subject's text. */
    private boolean anonymous() {
        try {
            return caller.isAnonymous();
        } catch (RuntimeException e) {
            // The token was refused.
            return true;
        }
    }

    private AuditEntry entry(String action, ContainerRequestContext request, int status) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        Map<String, Object> details = new LinkedHashMap<>();
        path.forEach((name, values) -> {
            if (!name.equals("nip") && !name.equals("code") && !name.equals("id")) {
                details.put(name, values.get(0));
            }
        });
        // A path naming one other thing (a policy's year, a rule table's version) names the target even when the call
        // was refused before the resource could say so.
        String pathId = path.getFirst("id") != null ? path.getFirst("id")
                : details.size() == 1 ? String.valueOf(details.values().iterator().next()) : null;
        details.putAll(trail.details());
        String subject = Caller.ANONYMOUS;
        String client = null;
        String roles = "";
        String scope = "";
        try {
            subject = caller.subject();
            client = caller.client();
            roles = String.join(",", caller.roles());
            scope = caller.scope().toString();
        } catch (RuntimeException e) {
            // The token was refused: nothing in it can be trusted, so the entry says anonymous.
        }
        return new AuditEntry(0, null, subject, client, roles, scope, action,
                trail.unit() != null ? trail.unit() : path.getFirst("code"),
                trail.nip() != null ? trail.nip() : path.getFirst("nip"),
                trail.id() != null ? trail.id() : pathId,
                AuditEntry.outcomeOf(status), status, details);
    }

    private void append(AuditEntry entry) {
        try {
            log.append(entry);
        } catch (RuntimeException e) {
            Log.errorf(e, "audit entry lost: %s %s by %s (status %d)", entry.action(), entry.outcome(), entry.subject(),
                    entry.status());
        }
    }
}
