package org.jpledger.training.service;

import java.util.function.Function;

/**
 * The outcome of a create-or-update.
 *
 * @param created true when the call created the resource, false when it existed (changed or not)
 */
public record Upserted<T>(boolean created, T body) {

    /** The same outcome with its body mapped, e.g. from a use case's result to the API's answer. */
    public <R> Upserted<R> map(Function<? super T, ? extends R> mapping) {
        return new Upserted<>(created, mapping.apply(body));
    }
}
