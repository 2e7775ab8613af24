package org.jpledger.support.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(0);
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), now::get);

    @Test
    void allowsABurstUpToTheCapacityThenSaysHowLongToWait() {
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();
        // One call comes back every 20 s (3 per minute).
        assertThat(limiter.acquire("a")).hasValue(20);
    }

    @Test
    void refillsAtTheConfiguredRate() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(limiter.acquire("a")).hasValue(5);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isPresent();
    }

    @Test
    void neverRefillsBeyondTheCapacity() {
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).isEmpty();
        }
        assertThat(limiter.acquire("a")).isPresent();
    }

    @Test
    void keepsEachClientsAllowanceApart() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        assertThat(limiter.acquire("a")).isPresent();
        assertThat(limiter.acquire("b")).isEmpty();
    }

    @Test
    void refusesAnEmptyLimit() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofMinutes(1), now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
