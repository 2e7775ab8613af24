package org.jpledger.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnonymousRefusalsTest {

    @Test
    void talliesAnIpv4AddressAsItIsAndAnIpv6AddressByItsSlash64() {
        assertThat(AnonymousRefusals.sourceOf("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(AnonymousRefusals.sourceOf("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AnonymousRefusals.sourceOf("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AnonymousRefusals.sourceOf(null)).isEqualTo("(unknown)");
    }

    @Test
    void cutsALongPathAndKeepsAShortOne() {
        assertThat(AnonymousRefusals.cut("/api/v1/units/" + "X".repeat(2048), 20)).isEqualTo("/api/v1/units/XXXXXX…");
        assertThat(AnonymousRefusals.cut("/api/v1/units/A", 20)).isEqualTo("/api/v1/units/A");
    }
}
