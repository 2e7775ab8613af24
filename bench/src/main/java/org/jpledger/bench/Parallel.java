package org.jpledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** Closed-loop clients: {@code threads} threads share the items 0..count-1, each taking the next one when done. */
final class Parallel {

    private Parallel() {
    }

    /** Runs {@code work} for every index on {@code threads} threads; the first failure stops all and is rethrown. */
    static void forEach(String name, int threads, int count, IntConsumer work) {
        forEach(name, threads, count, Long.MAX_VALUE, work);
    }

    /**
     * As {@link #forEach(String, int, int, IntConsumer)}, but no index is started after {@code deadline}
     * ({@link System#nanoTime()}); returns n such that indexes 0..n-1 were done.
     */
    static int forEach(String name, int threads, int count, long deadline, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                int i;
                while (failure.get() == null && System.nanoTime() < deadline && (i = next.getAndIncrement()) < count) {
                    try {
                        work.accept(i);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, name + "-" + t);
            all.add(thread);
            thread.start();
        }
        for (Thread thread : all) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failure.get() != null) {
            Throwable e = failure.get();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return Math.min(next.get(), count);
    }
}
