package org.jpledger.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void appliesTheFirstVersionSeen() {
        assertThat(Versions.supersedes(1, null)).isTrue();
    }

    @Test
    void appliesANewerVersion() {
        assertThat(Versions.supersedes(3, 2L)).isTrue();
    }

    @Test
    void ignoresARedeliveredVersion() {
        assertThat(Versions.supersedes(2, 2L)).isFalse();
    }

    @Test
    void ignoresAnOlderVersionArrivingLate() {
        assertThat(Versions.supersedes(1, 2L)).isFalse();
    }
}
