package org.jpledger.bench.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.jpledger.bench.Latency;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentilesComeOutInMilliseconds() {
        Histogram histogram = Percentiles.histogram();
        for (int ms = 1; ms <= 100; ms++) {
            Percentiles.record(histogram, ms * 1_000_000L);
        }
        Latency latency = Percentiles.latency(histogram);

        assertThat(latency.samples()).isEqualTo(100);
        assertThat(latency.p50Ms()).isCloseTo(50, within(0.1));
        assertThat(latency.p95Ms()).isCloseTo(95, within(0.1));
        assertThat(latency.p99Ms()).isCloseTo(99, within(0.1));
        assertThat(latency.maxMs()).isCloseTo(100, within(0.1));
    }

    @Test
    void theHeapIsTheSumOfTheHeapPools() {
        String metrics = """
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 3000000.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
                """;
        assertThat(ExportRun.sumHeap(metrics)).isEqualTo(15_000_000L);
    }
}
