package org.jpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineInfoTest {

    @Test
    void readsTheCpuModelAndTheMemoryFromProc() {
        assertThat(MachineInfo.cpuModel(List.of("processor\t: 0", "model name\t: AMD EPYC 7B13", "model name\t: other")))
                .isEqualTo("AMD EPYC 7B13");
        assertThat(MachineInfo.ramGiB(List.of("MemTotal:       24542412 kB", "MemFree: 1 kB"))).isEqualTo(23.4);
        assertThat(MachineInfo.cpuModel(List.of())).isEqualTo("unknown");
    }
}
