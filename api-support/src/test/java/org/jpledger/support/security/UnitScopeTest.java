package org.jpledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitScopeTest {

    @Test
    void aMissingOrEmptyClaimGrantsNoUnits() {
        assertThat(UnitScope.ofClaim(null).isNone()).isTrue();
        assertThat(UnitScope.ofClaim(List.of()).isNone()).isTrue();
        assertThat(UnitScope.ofClaim(List.of(" ", "")).isNone()).isTrue();
    }

    @Test
    void anAsteriskAmongTheCodesGrantsTheWholeTree() {
        UnitScope scope = UnitScope.ofClaim(List.of("32", "*"));
        assertThat(scope.isAll()).isTrue();
        assertThat(scope.roots()).isEmpty();
    }

    @Test
    void codesAreTrimmedAndDeduplicated() {
        UnitScope scope = UnitScope.ofClaim(List.of(" 32.01", "32.01", "33"));
        assertThat(scope.kind()).isEqualTo(UnitScope.Kind.UNITS);
        assertThat(scope.roots()).containsExactlyInAnyOrder("32.01", "33");
        assertThat(scope).hasToString("32.01,33");
    }

    @Test
    void readsTheClaimAsAnArrayOrAsACommaOrSpaceSeparatedString() {
        assertThat(Caller.codes("32.01, 33 34")).containsExactly("32.01", "33", "34");
        assertThat(Caller.codes(List.of("32.01", "33"))).containsExactly("32.01", "33");
        assertThat(Caller.codes(null)).isNull();
        assertThat(UnitScope.ofClaim(Caller.codes(Arrays.asList("32", null))).roots()).containsExactly("32");
    }
}
