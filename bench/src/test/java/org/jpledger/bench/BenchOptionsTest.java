package org.jpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void runsAFullProvinceAndTheNationByDefault() {
        BenchOptions options = BenchOptions.parse(List.of(), ROOT);

        assertThat(options.quick()).isFalse();
        assertThat(options.employees()).isEqualTo(300_000);
        assertThat(options.nationalEmployees()).isEqualTo(6_000_000);
        assertThat(options.skipNational()).isFalse();
        assertThat(options.batchCap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.rosterCap()).isEqualTo(Duration.ofMinutes(20));
        assertThat(options.jar(ROOT, "training-service"))
                .isEqualTo(Path.of("/repo/training-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void runsSmallWhenQuickUnlessSizesAreGiven() {
        assertThat(BenchOptions.parse(List.of("--quick"), ROOT).employees()).isEqualTo(5_000);
        assertThat(BenchOptions.parse(List.of("--quick", "--employees", "7,000"), ROOT).employees()).isEqualTo(7_000);
    }

    @Test
    void takesEveryOption() {
        BenchOptions options = BenchOptions.parse(List.of("--seed", "9", "--employees", "1000", "--national-employees",
                "2000", "--skip-national", "--jars", "/tmp/jars", "--work", "/tmp/w", "--batch-minutes", "3", "--roster-minutes", "4",
                "--freshness-rate", "1,000", "--no-build"), ROOT);

        assertThat(options.seed()).isEqualTo(9);
        assertThat(options.employees()).isEqualTo(1000);
        assertThat(options.nationalEmployees()).isEqualTo(2000);
        assertThat(options.skipNational()).isTrue();
        assertThat(options.work()).isEqualTo(Path.of("/tmp/w"));
        assertThat(options.batchCap()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.rosterCap()).isEqualTo(Duration.ofMinutes(4));
        assertThat(options.freshnessRate(3_000)).isEqualTo(1_000);
        assertThat(options.jar(ROOT, "reporting-service"))
                .isEqualTo(Path.of("/tmp/jars/reporting-service/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void refusesUnknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast"), ROOT)).hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--seed"), ROOT)).hasMessageContaining("--seed needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--employees", "0"), ROOT))
                .hasMessageContaining("at least 1");
    }

    @Test
    void runsFreshnessAtHalfTheSinglePostRateUnlessARateIsGiven() {
        BenchOptions options = BenchOptions.parse(List.of(), ROOT);

        assertThat(options.freshnessRate(1_501)).isEqualTo(751);
        assertThat(options.freshnessRate(1)).isEqualTo(1);
        assertThat(options.freshnessRate(Double.NaN)).isEqualTo(1);
    }
}
