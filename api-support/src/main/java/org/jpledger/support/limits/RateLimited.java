package org.jpledger.support.limits;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an expensive call (import, export, rebuild...): each caller (a subject within a client application) gets its
 * own allowance per named kind.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** The kind of call; each kind has its own allowance. */
    @Nonbinding
    String value();
}
