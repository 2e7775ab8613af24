package org.jpledger.support.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private final Admission admission = new Admission("bulk recording", 2, Duration.ofMillis(4_200));

    @Test
    void admitsUpToItsCapacityThenRefusesWithTheWaitInWholeSeconds() {
        admission.enter();
        admission.enter();

        assertThatThrownBy(admission::enter).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
            assertThat(e.retryAfterSeconds()).isEqualTo(5);
            assertThat(e.getMessage()).contains("busy with 2 bulk recording requests");
        });
        assertThat(admission.admitted()).isEqualTo(2);
    }

    @Test
    void admitsAgainOnceATicketIsClosedAndCountsATicketClosedTwiceOnce() {
        Admission.Ticket first = admission.enter();
        admission.enter();

        first.close();
        first.close();

        assertThat(admission.admitted()).isEqualTo(1);
        admission.enter();
        assertThatThrownBy(admission::enter).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void refusesABoundWithoutRoom() {
        assertThatThrownBy(() -> new Admission("x", 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
