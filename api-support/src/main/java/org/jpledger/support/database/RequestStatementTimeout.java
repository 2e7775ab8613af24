package org.jpledger.support.database;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps the statement timeout for request-serving work only. Every connection starts with the timeout of
 * {@code jpledger.database.statement-timeout} (the JDBC {@code options} in application.properties), so a pathological
 * query of a request ends with a 503 instead of holding a connection; background work that legitimately runs long
 * (projection rebuilds, opening a year, scheduled exports, republishing, migrations) lifts it for as long as it holds
 * the connection, and gives the connection back with the default restored.
 */
@ApplicationScoped
public class RequestStatementTimeout implements AgroalPoolInterceptor {

    private static final ThreadLocal<Boolean> MARKED = new ThreadLocal<>();

    /** {@code work} as part of the current request, on whatever thread runs it (bulk recording's workers). */
    public static Runnable asRequest(Runnable work) {
        return marked(work, true);
    }

    /** {@code work} as background work, even on a thread a request's context was propagated to. */
    public static Runnable asBackground(Runnable work) {
        return marked(work, false);
    }

    private static Runnable marked(Runnable work, boolean request) {
        return () -> {
            Boolean before = MARKED.get();
            MARKED.set(request);
            try {
                work.run();
            } finally {
                MARKED.set(before);
            }
        };
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        if (!servingRequest()) {
            // Inside a transaction that later rolls back this reverts to the default timeout: the safe direction.
            run(connection, "SET statement_timeout = 0");
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        if (!servingRequest()) {
            run(connection, "RESET statement_timeout");
        }
    }

    /** Whether the current thread works for an HTTP request (marked by {@link ServingRequest}). */
    static boolean servingRequest() {
        Boolean marked = MARKED.get();
        if (marked != null) {
            return marked;
        }
        ManagedContext requests = Arc.container() == null ? null : Arc.container().requestContext();
        if (requests == null || !requests.isActive()) {
            return false;
        }
        ServingRequest marker = Arc.container().instance(ServingRequest.class).get();
        return marker != null && marker.active();
    }

    private static void run(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            // Never thrown on: Agroal calls interceptors where an exception would keep the connection checked out for
            // good. A connection that cannot take a SET is broken; its holder's next statement fails as it would anyway.
            Log.warnf("could not %s on a pooled connection: %s", sql, e.getMessage());
        }
    }
}
