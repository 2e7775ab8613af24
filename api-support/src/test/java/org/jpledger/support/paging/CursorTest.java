package org.jpledger.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void givesBackThePositionAPageEndedAt() {
        assertThat(Cursor.position(Cursor.after("seq", 42), "seq")).isEqualTo(42L);
        assertThat(Cursor.decode(Cursor.encode("employees", "totalJp", "198503122010012001", "12.5"), "employees", 3))
                .containsExactly("totalJp", "198503122010012001", "12.5");
    }

    @Test
    void readsNoCursorAsTheFirstPage() {
        assertThat(Cursor.position(null, "seq")).isNull();
        assertThat(Cursor.position(" ", "seq")).isNull();
    }

    @Test
    void keepsTheCursorsGivenOutBeforeItWasShared() {
        // Keyset cursors of earlier releases were base64url of "seq:<n>" and "id:<n>"; a client may still hold one.
        assertThat(Cursor.after("seq", 7)).isEqualTo(base64("seq:7"));
        assertThat(Cursor.position(base64("id:19"), "id")).isEqualTo(19L);
    }

    @Test
    void refusesACursorOfAnotherListing() {
        assertRefused(() -> Cursor.position(Cursor.after("id", 5), "seq"));
    }

    @Test
    void refusesCursorsNoPageGaveOut() {
        for (String made : new String[] {"not base64 ~", base64("seq:"), base64("seq:-1"), base64("seq:1.5"),
                base64("seq:99999999999999999999"), base64("seq:1\u001F2"), base64("seq")}) {
            assertRefused(() -> Cursor.position(made, "seq"));
        }
        assertRefused(() -> Cursor.decode(base64("employees:a\u001Fb"), "employees", 3));
        assertRefused(() -> Cursor.decode(base64("employees:a\u001Fb\u0000\u001Fc"), "employees", 3));
    }

    @Test
    void refusesToEncodeAPartThatWouldSplitInTwo() {
        assertThatThrownBy(() -> Cursor.encode("employees", "a\u001Fb", "c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsAnyTextInTheLastPart() {
        String name = "Sri\u001FWahyuni";
        assertThat(Cursor.decode(Cursor.encode("employees", "name", name), "employees", 2)).containsExactly("name", name);
    }

    private static void assertRefused(Runnable decoding) {
        assertThatThrownBy(decoding::run).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).field()).isEqualTo("cursor");
            assertThat(e.errors().get(0).reason()).isEqualTo(Cursor.REFUSAL);
        });
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
