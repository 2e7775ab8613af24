package org.jpledger.systemtests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jpledger.systemtests.ProjectRoot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every process of the system is killed (SIGKILL) at random moments under a load of clients that retry until
 * acknowledged; afterwards every acknowledged write is in training-service exactly once and reflected exactly once in
 * reporting-service, whose projections equal sums over training-service's tables. The test suite runs a reduced load;
 * {@code ./crash-test} runs the full one (100,000 completions with every process killed three times; 30,000 with each
 * node of a three-node Kafka cluster killed three times) and writes the reports that RELIABILITY.md quotes.
 */
@Tag("slow") // minutes alone: left out by -Pquick
class CrashTest {

    /** {@code full} for the documented run; anything else is the reduced variant of the test suite. */
    private static final boolean FULL = "full".equals(System.getProperty("jpledger.crash.scale"));
    private static final long SEED = Long.getLong("jpledger.crash.seed", System.currentTimeMillis());

    @TempDir
    Path work;

    @Test
    void losesAndDoublesNothingWhenEveryProcessIsKilledUnderLoad() throws Exception {
        CrashRun.Plan plan = FULL
                ? new CrashRun.Plan("every-process", new Workload.Settings(100_000, 2_000, 8, SEED), 1, false, 3)
                : new CrashRun.Plan("every-process-reduced", new Workload.Settings(3_000, 120, 4, SEED), 1, false, 1);

        CrashRun.Outcome outcome = run(plan);
        assertThat(outcome.failed()).as(outcome.report()).isEmpty();
    }

    @Test
    void losesAndDoublesNothingWhenKafkaNodesOfAReplicatedClusterAreKilledUnderLoad() throws Exception {
        CrashRun.Plan plan = FULL
                ? new CrashRun.Plan("kafka-cluster", new Workload.Settings(30_000, 1_000, 8, SEED), 3, true, 3)
                : new CrashRun.Plan("kafka-cluster-reduced", new Workload.Settings(2_000, 90, 3, SEED), 3, true, 1);

        CrashRun.Outcome outcome = run(plan);
        assertThat(outcome.failed()).as(outcome.report()).isEmpty();
    }

    private CrashRun.Outcome run(CrashRun.Plan plan) throws Exception {
        Path root = ProjectRoot.path();
        return CrashRun.run(plan, work, root, root.resolve("system-tests/target"));
    }
}
