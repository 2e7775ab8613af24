package org.jpledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How busy the machine was with work that is not the benchmark's during a phase: the CPU time of the whole machine
 * ({@code /proc/stat}) less that of this process and its descendants (the services, PostgreSQL), over the phase's
 * wall time. The figures of a phase during which other processes took a good share of the CPU are too low, and the
 * report says so.
 */
final class CpuWatch {

    /** CPU ticks at one moment: the machine's busy and total, and the benchmark's own process tree. */
    record Snapshot(long machineBusy, long machineTotal, long ours, double loadAverage) {
    }

    private CpuWatch() {
    }

    /**
     * Now; {@code postmasterPid} names PostgreSQL's postmaster file when it runs detached from this process (pg_ctl
     * starts it as a daemon), so that it and its backends count as the benchmark's; null when there is none.
     */
    static Snapshot now(Path postmasterPid) {
        long[] machine = machineTicks(read(Path.of("/proc/stat")));
        long ours = treeTicks(ProcessHandle.current().pid());
        List<String> postmaster = postmasterPid == null ? List.of() : read(postmasterPid);
        if (!postmaster.isEmpty()) {
            long pid = Long.parseLong(postmaster.get(0).trim());
            boolean descendant;
            try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
                descendant = descendants.anyMatch(p -> p.pid() == pid);
            }
            if (!descendant) {
                ours += treeTicks(pid);
            }
        }
        return new Snapshot(machine[0], machine[1], ours, loadAverage(read(Path.of("/proc/loadavg"))));
    }

    private static long treeTicks(long pid) {
        long ticks = ticksOf(pid);
        try (Stream<ProcessHandle> descendants = ProcessHandle.of(pid).map(ProcessHandle::descendants)
                .orElse(Stream.empty())) {
            ticks += descendants.mapToLong(p -> ticksOf(p.pid())).sum();
        }
        return ticks;
    }

    /** The share of all CPU time between the two snapshots used by other processes, 0 to 1; NaN when unknown. */
    static double foreignShare(Snapshot from, Snapshot to) {
        long total = to.machineTotal() - from.machineTotal();
        if (total <= 0) {
            return Double.NaN;
        }
        long foreign = (to.machineBusy() - from.machineBusy()) - (to.ours() - from.ours());
        return Math.max(0, Math.min(1, foreign / (double) total));
    }

    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on every Linux the benchmark runs on). */
    static final int TICKS_PER_SECOND = 100;

    /**
     * Milliseconds of CPU the benchmark's whole process tree used between the two snapshots for each of {@code units}
     * (the services, PostgreSQL with its backends, and this JVM with the load generator and the broker); NaN when no
     * unit was done.
     */
    static double cpuMsPer(Snapshot from, Snapshot to, long units) {
        if (units <= 0) {
            return Double.NaN;
        }
        return (to.ours() - from.ours()) * 1000.0 / TICKS_PER_SECOND / units;
    }

    /** A sentence for a note. */
    static String describe(Snapshot from, Snapshot to) {
        double share = foreignShare(from, to);
        if (Double.isNaN(share)) {
            return "";
        }
        return String.format(Locale.ROOT, " Machine: processes outside the benchmark used %.0f%% of all CPU time during "
                + "this phase%s (load average %.1f at its end).", share * 100,
                share >= 0.10 ? " — the figure is lower than on a quiet machine" : "", to.loadAverage());
    }

    /** busy and total ticks of the aggregate "cpu" line of /proc/stat. */
    static long[] machineTicks(List<String> stat) {
        for (String line : stat) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long total = 0;
                long idle = 0;
                // user nice system idle iowait irq softirq steal (guest time is already in user)
                for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                    long v = Long.parseLong(f[i]);
                    total += v;
                    if (i == 4 || i == 5) {
                        idle += v;
                    }
                }
                return new long[] {total - idle, total};
            }
        }
        return new long[] {0, 0};
    }

    /**
     * CPU ticks of a process from its /proc/PID/stat line: its own (utime, stime) and those of its children that have
     * ended and been waited for (cutime, cstime), e.g. PostgreSQL backends of closed connections.
     */
    static long processTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            return 0;
        }
        String[] f = statLine.substring(close + 2).trim().split("\\s+");
        // f[0] is field 3 (state); utime, stime, cutime and cstime are fields 14 to 17.
        long ticks = 0;
        for (int i = 11; i <= 14 && i < f.length; i++) {
            ticks += Long.parseLong(f[i]);
        }
        return ticks;
    }

    static double loadAverage(List<String> loadavg) {
        return loadavg.isEmpty() ? Double.NaN : Double.parseDouble(loadavg.get(0).split("\\s+")[0]);
    }

    private static long ticksOf(long pid) {
        List<String> lines = read(Path.of("/proc", Long.toString(pid), "stat"));
        return lines.isEmpty() ? 0 : processTicks(lines.get(0));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
