package org.jpledger.support.database;

import jakarta.enterprise.context.RequestScoped;

/**
 * Marks the request context of an HTTP request, so that {@link RequestStatementTimeout} tells request-serving work
 * (statement timeout kept) from background jobs that activate a request context of their own (timeout lifted).
 */
@RequestScoped
public class ServingRequest {

    private boolean active;

    public boolean active() {
        return active;
    }

    /** Set by {@link ServingRequestFilter} before any resource runs. */
    public void start() {
        active = true;
    }
}
