package org.jpledger.reporting.consumer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The topics or event sources the consumer accepts: names taken as they are, and names ending in {@code *} that accept
 * every name starting with what precedes the {@code *} (as Kafka's prefixed ACLs do).
 */
final class TrustedNames {

    private final Set<String> exact;
    private final List<String> prefixes;
    private final String description;

    TrustedNames(Collection<String> names) {
        this.exact = names.stream().filter(n -> !n.endsWith("*")).collect(Collectors.toUnmodifiableSet());
        this.prefixes = names.stream().filter(n -> n.endsWith("*")).map(n -> n.substring(0, n.length() - 1)).toList();
        this.description = new TreeSet<>(names).toString();
    }

    /** Whether {@code name} is trusted; null never is. */
    boolean trusts(String name) {
        return name != null && (exact.contains(name) || prefixes.stream().anyMatch(name::startsWith));
    }

    /** The configured names, sorted, for a reason a person reads. */
    @Override
    public String toString() {
        return description;
    }
}
