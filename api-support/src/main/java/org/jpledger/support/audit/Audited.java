package org.jpledger.support.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an endpoint whose every call, allowed or refused, is written to the audit log under {@link #value()}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** The action's name in the audit log, e.g. {@code completion.record}. */
    String value();
}
