package org.jpledger.support.limits;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.OptionalLong;
import org.jpledger.support.security.Caller;

/** Enforces {@link RateLimited}: answers 429 with {@code Retry-After} once a client has used its allowance. */
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
        String client = caller.client() != null ? caller.client() : caller.subject();
        OptionalLong wait = limits.limiterOf(limited.value()).acquire(limited.value() + "|" + client);
        if (wait.isPresent()) {
            throw new TooManyRequestsException("Too many " + limited.value() + " calls from this client; retry in "
                    + wait.getAsLong() + " s.", wait.getAsLong());
        }
        return invocation.proceed();
    }
}
