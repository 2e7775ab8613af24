package org.jpledger.reporting.projection;

/** The rule that makes redelivered and out-of-date events harmless: only a newer version changes a row. */
public final class Versions {

    private Versions() {
    }

    /** Whether an event carrying {@code incoming} must be applied over a row at {@code stored} (null: no row yet). */
    public static boolean supersedes(long incoming, Long stored) {
        return stored == null || incoming > stored;
    }
}
