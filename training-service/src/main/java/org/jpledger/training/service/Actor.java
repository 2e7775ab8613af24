package org.jpledger.training.service;

import org.jpledger.support.security.Caller;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;

/**
 * Who a write acts for: the token's subject (kept as who made the change) and its unit scope. Resolved on the request
 * thread, because the lanes of a batch record on other threads, where the request's caller cannot be read.
 */
public record Actor(String subject, UnitScope scope) {

    /** The calling request's actor; refuses (403) a token that names no units. */
    public static Actor of(Caller caller, UnitAccess access) {
        return new Actor(caller.subject(), access.scope());
    }
}
