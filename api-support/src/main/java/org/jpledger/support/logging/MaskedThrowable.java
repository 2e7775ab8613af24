package org.jpledger.support.logging;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A stand-in for a logged exception whose message, or a cause's, held personal data: it prints as the original class
 * with the masked message and keeps the original stack trace, causes and suppressed exceptions (masked the same way).
 */
final class MaskedThrowable extends Throwable {

    private final String originalClass;

    private MaskedThrowable(Throwable original, String maskedMessage) {
        super(maskedMessage);
        this.originalClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    /** The exception itself when nothing in it needs masking, else a masked copy of the whole chain. */
    static Throwable of(Throwable thrown) {
        return needsMasking(thrown, new IdentityHashMap<>()) ? copy(thrown, new IdentityHashMap<>()) : thrown;
    }

    private static boolean needsMasking(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, true) != null) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && !message.equals(PersonalDataMask.mask(message))) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (needsMasking(suppressed, seen)) {
                return true;
            }
        }
        return needsMasking(t.getCause(), seen);
    }

    private static Throwable copy(Throwable t, Map<Throwable, Throwable> copies) {
        Throwable done = copies.get(t);
        if (done != null) {
            return done;
        }
        MaskedThrowable copy = new MaskedThrowable(t, PersonalDataMask.mask(t.getMessage()));
        copies.put(t, copy);
        if (t.getCause() != null && t.getCause() != t) {
            copy.initCause(copy(t.getCause(), copies));
        }
        for (Throwable suppressed : t.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, copies));
        }
        return copy;
    }

    /** The original class's name, for readers of the log. */
    String originalClass() {
        return originalClass;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
