package org.jpledger.support.limits;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bound on work admitted at once, such as the bulk requests that share one pool of workers: beyond it a request is
 * refused at once with 429 and {@code Retry-After}, instead of queueing behind the others and holding its body and a
 * request thread while it waits.
 */
public final class Admission {

    private final String what;
    private final int capacity;
    private final Semaphore slots;
    private final long retryAfterSeconds;

    /**
     * @param what the work, as the refusal names it (e.g. "bulk recording")
     * @param capacity how many may be admitted at once
     * @param retryAfter what a refused client is told to wait, rounded up to whole seconds
     */
    public Admission(String what, int capacity, Duration retryAfter) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an admission bound needs room for at least one");
        }
        this.what = what;
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /**
     * Admits one, or refuses it when all are taken.
     *
     * @return the slot taken; closing it (once is enough, more is harmless) gives it back
     * @throws TooManyRequestsException when every slot is taken
     */
    public Ticket enter() {
        if (!slots.tryAcquire()) {
            throw new TooManyRequestsException("The service is busy with " + capacity + " " + what + " requests; "
                    + "retry in " + retryAfterSeconds + " s.", retryAfterSeconds);
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false)) {
                slots.release();
            }
        };
    }

    /** How many are admitted now. */
    public int admitted() {
        return capacity - slots.availablePermits();
    }

    /** A slot taken by {@link #enter()}; closing it gives the slot back. */
    @FunctionalInterface
    public interface Ticket extends AutoCloseable {
        @Override
        void close();
    }
}
