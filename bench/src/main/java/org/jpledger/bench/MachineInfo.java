package org.jpledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured: what the figures depend on.
 *
 * @param cpuModel the first "model name" of /proc/cpuinfo
 * @param cores    processors available to the JVM
 * @param ramGiB   MemTotal of /proc/meminfo, in GiB
 */
public record MachineInfo(String cpuModel, int cores, double ramGiB, String java, String os) {

    public static MachineInfo detect() {
        return new MachineInfo(cpuModel(lines("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors(),
                ramGiB(lines("/proc/meminfo")),
                System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.runtime.version", "?"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")");
    }

    static String cpuModel(List<String> cpuinfo) {
        return cpuinfo.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown");
    }

    static double ramGiB(List<String> meminfo) {
        return meminfo.stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0))
                .map(g -> Math.round(g * 10) / 10.0).findFirst().orElse(0.0);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
