package org.jpledger.support.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    private static final int EXPENSIVE_CALLS = 2;
    private static final int BATCH_CALLS = 5;

    private final RequestLimits limits = new RequestLimits(new Config(Map.of("batch", allowance(BATCH_CALLS))));

    @Test
    void givesAKindWithAnAllowanceOfItsOwnThatAllowance() {
        for (int i = 0; i < BATCH_CALLS; i++) {
            assertThat(limits.callsOf("batch").acquire("batch|client")).isEmpty();
        }
        // 5 a minute: one back every 12 s.
        assertThat(limits.callsOf("batch").acquire("batch|client")).hasValue(12);
    }

    @Test
    void givesTheOtherKindsTheSharedAllowanceOfExpensiveCalls() {
        assertThat(limits.callsOf("import")).isSameAs(limits.expensiveCalls());
        for (int i = 0; i < EXPENSIVE_CALLS; i++) {
            assertThat(limits.callsOf("import").acquire("import|client")).isEmpty();
        }
        assertThat(limits.callsOf("import").acquire("import|client")).isPresent();
        assertThat(limits.callsOf("batch").acquire("batch|client")).isEmpty();
    }

    private static LimitsConfig.Allowance allowance(int calls) {
        return new LimitsConfig.Allowance() {
            @Override
            public int calls() {
                return calls;
            }

            @Override
            public Optional<Duration> window() {
                return Optional.empty();
            }
        };
    }

    /** The limits with a window of a minute and the given kinds. */
    private record Config(Map<String, Allowance> kind) implements LimitsConfig {

        @Override
        public MemorySize jsonBody() {
            return new MemorySize(BigInteger.valueOf(1024));
        }

        @Override
        public MemorySize csvBody() {
            return new MemorySize(BigInteger.valueOf(1024));
        }

        @Override
        public int expensiveCalls() {
            return EXPENSIVE_CALLS;
        }

        @Override
        public Duration expensiveWindow() {
            return Duration.ofMinutes(1);
        }
    }
}
