package org.jpledger.systemtests.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the stack's processes one at a time with SIGKILL at random points of the workload's progress, and starts each
 * again after a random pause. The kill points are spread over the workload, so every kill lands under load.
 */
final class Chaos implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Chaos.class);

    private final List<CrashStack.Victim> schedule = new ArrayList<>();
    private final List<Long> killAt = new ArrayList<>();
    private final LongSupplier progress;
    private final Random random;
    private final Map<String, Integer> kills = new LinkedHashMap<>();
    private final List<String> timeline = new ArrayList<>();
    private volatile boolean done;
    private volatile Throwable failure;

    /**
     * @param victims what to kill, each {@code rounds} times, in random order
     * @param progress how far the workload is (acknowledged completions)
     * @param total    the workload's planned completions; the kill points are spread over them
     */
    Chaos(List<CrashStack.Victim> victims, int rounds, LongSupplier progress, long total, Random random) {
        this.progress = progress;
        this.random = random;
        for (int round = 0; round < rounds; round++) {
            schedule.addAll(victims);
        }
        Collections.shuffle(schedule, random);
        for (int i = 0; i < schedule.size(); i++) {
            // one point at random within each equal slice of the workload
            killAt.add((long) (total * (i + random.nextDouble()) / (schedule.size() + 1)));
        }
        victims.forEach(v -> kills.put(v.name(), 0));
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        try {
            for (int i = 0; i < schedule.size(); i++) {
                while (progress.getAsLong() < killAt.get(i)) {
                    Pause.of(Duration.ofMillis(50));
                }
                CrashStack.Victim victim = schedule.get(i);
                long at = progress.getAsLong();
                victim.kill().run();
                Duration pause = Duration.ofMillis(1000 + random.nextInt(3000));
                Pause.of(pause);
                long restart = System.nanoTime();
                victim.restart().run();
                kills.merge(victim.name(), 1, Integer::sum);
                String line = "%6.1f s  killed %s at %,d completions; restarted after %.1f s, ready in %.1f s".formatted(
                        (restart - started - pause.toNanos()) / 1e9, victim.name(), at, pause.toMillis() / 1e3,
                        (System.nanoTime() - restart) / 1e9);
                timeline.add(line);
                LOG.info(line);
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            done = true;
        }
    }

    boolean done() {
        return done;
    }

    /** The failure that stopped the chaos early (a process that would not come back), if any. */
    Throwable failure() {
        return failure;
    }

    Map<String, Integer> kills() {
        return kills;
    }

    List<String> timeline() {
        return timeline;
    }
}
