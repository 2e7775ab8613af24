package org.jpledger.support.database;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Marks every HTTP request's context as request-serving, before any resource runs (see {@link ServingRequest}). */
public class ServingRequestFilter {

    private final ServingRequest request;

    public ServingRequestFilter(ServingRequest request) {
        this.request = request;
    }

    @ServerRequestFilter(preMatching = true)
    public void mark(ContainerRequestContext context) {
        request.start();
    }
}
