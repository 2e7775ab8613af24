package org.jpledger.support.limits;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.OptionalLong;
import org.jpledger.support.security.Caller;

/**
 * Enforces {@link RateLimited}: answers 429 with {@code Retry-After} once a caller has used its allowance. A caller is
 * a subject within a client application, so the users of one web client (which all share its client id) each have an
 * allowance of their own, and one subject's calls through two clients count apart.
 */
@RateLimited("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RateLimitInterceptor {

    private final RequestLimits limits;
    private final Caller caller;

    public RateLimitInterceptor(RequestLimits limits, Caller caller) {
        this.limits = limits;
        this.caller = caller;
    }

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        RateLimited limited = invocation.getMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = invocation.getMethod().getDeclaringClass().getAnnotation(RateLimited.class);
        }
        OptionalLong wait = limits.callsOf(limited.value())
                .acquire(key(limited.value(), caller.client(), caller.subject()));
        if (wait.isPresent()) {
            throw new TooManyRequestsException("Too many " + limited.value() + " calls from you; retry in "
                    + wait.getAsLong() + " s.", wait.getAsLong());
        }
        return invocation.proceed();
    }

    /** The allowance a call counts against: {@code kind|client|subject}, the client empty when the token names none. */
    static String key(String kind, String client, String subject) {
        return kind + "|" + (client == null ? "" : client) + "|" + subject;
    }
}
