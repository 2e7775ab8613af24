package org.jpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuWatchTest {

    @Test
    void readsBusyAndTotalTicksOfTheMachine() {
        long[] ticks = CpuWatch.machineTicks(List.of("cpu  100 5 50 800 20 3 2 1 0 0", "cpu0 50 2 25 400 10 1 1 0 0 0"));

        assertThat(ticks).containsExactly(161, 981);
    }

    @Test
    void readsAProcessesTicksWithThoseOfItsEndedChildrenEvenWithSpacesInItsName() {
        String stat = "4242 (java main (x)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 300 7 20 0 30 0 100 0 0";

        assertThat(CpuWatch.processTicks(stat)).isEqualTo(1234 + 56 + 300 + 7);
    }

    @Test
    void countsOnlyTheCpuTimeOfOtherProcessesAsForeign() {
        CpuWatch.Snapshot from = new CpuWatch.Snapshot(1_000, 10_000, 300, 1.0);
        CpuWatch.Snapshot to = new CpuWatch.Snapshot(1_900, 11_000, 900, 3.5);

        assertThat(CpuWatch.foreignShare(from, to)).isCloseTo(0.30, within(1e-9));
        assertThat(CpuWatch.describe(from, to)).contains("used 30% of all CPU time", "lower than on a quiet machine",
                "load average 3.5");
    }

    @Test
    void saysNothingAboutAQuietMachineBeyondTheShare() {
        CpuWatch.Snapshot from = new CpuWatch.Snapshot(0, 0, 0, 0.1);
        CpuWatch.Snapshot to = new CpuWatch.Snapshot(500, 1000, 480, 0.2);

        assertThat(CpuWatch.describe(from, to)).contains("used 2% of all CPU time").doesNotContain("lower");
    }

    @Test
    void dividesTheCpuTimeOfTheWholeStackByTheCompletions() {
        CpuWatch.Snapshot from = new CpuWatch.Snapshot(1_000, 10_000, 300, 1.0);
        CpuWatch.Snapshot to = new CpuWatch.Snapshot(1_900, 11_000, 800, 3.5);

        // 500 ticks = 5 s of CPU over 2,000 completions.
        assertThat(CpuWatch.cpuMsPer(from, to, 2_000)).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void hasNoCpuPerCompletionWithoutCompletions() {
        CpuWatch.Snapshot same = new CpuWatch.Snapshot(1_000, 10_000, 300, 1.0);

        assertThat(CpuWatch.cpuMsPer(same, same, 0)).isNaN();
    }
}
