package org.jpledger.support.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitInterceptorTest {

    private final AtomicLong now = new AtomicLong(0);
    private final RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), now::get);

    @Test
    void givesTwoSubjectsOfOneClientSeparateAllowances() {
        String alice = RateLimitInterceptor.key("export", "jpledger-dashboard", "alice");
        String bob = RateLimitInterceptor.key("export", "jpledger-dashboard", "bob");

        assertThat(limiter.acquire(alice)).isEmpty();
        assertThat(limiter.acquire(alice)).isEmpty();
        assertThat(limiter.acquire(alice)).isPresent();
        assertThat(limiter.acquire(bob)).isEmpty();
        assertThat(limiter.acquire(bob)).isEmpty();
        assertThat(limiter.acquire(bob)).isPresent();
    }

    @Test
    void countsOneSubjectsCallsThroughTwoClientsApart() {
        String viaDashboard = RateLimitInterceptor.key("export", "jpledger-dashboard", "alice");
        String viaScript = RateLimitInterceptor.key("export", "report-script", "alice");

        limiter.acquire(viaDashboard);
        limiter.acquire(viaDashboard);

        assertThat(limiter.acquire(viaDashboard)).isPresent();
        assertThat(limiter.acquire(viaScript)).isEmpty();
    }

    @Test
    void keysByKindClientAndSubject() {
        assertThat(RateLimitInterceptor.key("export", "jpledger-dashboard", "alice"))
                .isEqualTo("export|jpledger-dashboard|alice");
        assertThat(RateLimitInterceptor.key("rebuild", null, "ops")).isEqualTo("rebuild||ops");
        assertThat(RateLimitInterceptor.key("export", "jpledger-dashboard", "alice"))
                .isNotEqualTo(RateLimitInterceptor.key("rebuild", "jpledger-dashboard", "alice"));
    }
}
