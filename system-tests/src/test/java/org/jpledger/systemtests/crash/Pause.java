package org.jpledger.systemtests.crash;

import java.time.Duration;

/** Sleeping without the checked exception: an interrupt ends the crash run, so it is kept and surfaces as a failure. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
