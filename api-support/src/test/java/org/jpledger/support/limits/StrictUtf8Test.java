package org.jpledger.support.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jpledger.support.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictUtf8Test {

    /** Every length of character, the highest code point and a BOM, as Indonesian names and emoji bring them. */
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "ab", before each bad sequence so that its position is not the first. */
    private static final String AB = "6162";
    private static final String WELL_FORMED = "\uFEFF{\"title\":\"Pelatihan \u00e9 \u20ac \uD83D\uDE00 \uDBFF\uDFFF\"}";

    @Test
    void passesWellFormedTextUnchanged() throws IOException {
        byte[] bytes = WELL_FORMED.getBytes(StandardCharsets.UTF_8);

        assertThat(new StrictUtf8(new ByteArrayInputStream(bytes)).readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void followsACharacterSplitAcrossReads() throws IOException {
        byte[] bytes = WELL_FORMED.getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new OneByteAtATime(new ByteArrayInputStream(bytes));

        assertThat(new StrictUtf8(trickle).readAllBytes()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            C0AF         | an overlong encoding at byte 3
            C1BF         | an overlong encoding at byte 3
            E080AF       | an overlong encoding at byte 4
            F08080AF     | an overlong encoding at byte 4
            EDA080       | a UTF-16 surrogate encoded as UTF-8 at byte 4
            EDBFBF       | a UTF-16 surrogate encoded as UTF-8 at byte 4
            F4908080     | a code point beyond U+10FFFF at byte 4
            F5808080     | a code point beyond U+10FFFF at byte 3
            FF           | a byte UTF-8 never uses (0xFF) at byte 3
            80           | a continuation byte with no character to continue at byte 3
            E282         | it ends inside a character that began at byte 3
            F09F98       | it ends inside a character that began at byte 3
            E2412E       | a character cut short at byte 4
            C3           | it ends inside a character that began at byte 3
            """)
    void refusesBytesThatAreNotUtf8SayingWhatAndWhere(String hex, String what) {
        byte[] bytes = bytes(AB + hex);

        assertThatThrownBy(() -> new StrictUtf8(new ByteArrayInputStream(bytes)).readAllBytes())
                .isInstanceOf(NotUtf8Exception.class).hasMessage("is not valid UTF-8: " + what + " of the body");
    }

    @Test
    void handsOverTheWellFormedBytesBeforeTheBadOneFirstSoTheParserMeetsItWhereItStands() throws IOException {
        StrictUtf8 body = new StrictUtf8(new ByteArrayInputStream(bytes("7B2261223A22C0AF227D")));
        byte[] buffer = new byte[64];

        assertThat(body.read(buffer, 0, buffer.length)).isEqualTo(6);
        assertThatThrownBy(() -> body.read(buffer, 0, buffer.length)).isInstanceOf(NotUtf8Exception.class);
        // Once refused, always refused: a parser retrying must not read on past the bad byte.
        assertThatThrownBy(body::read).isInstanceOf(NotUtf8Exception.class);
    }

    @Test
    void checksSkippedBytesToo() {
        StrictUtf8 body = new StrictUtf8(new ByteArrayInputStream(bytes("2020C0AF2020")));

        assertThatThrownBy(() -> body.skip(6)).isInstanceOf(NotUtf8Exception.class);
        assertThat(body.markSupported()).isFalse();
    }

    @Test
    void letsAJsonBodyBeRefusedNamingTheFieldWhoseValueHoldsTheBadBytes() {
        String start = "{\"nip\":\"1\",\"title\":\"Pelatihan ";
        byte[] body = bytes(HexFormat.of().formatHex(start.getBytes(StandardCharsets.UTF_8)) + "C0AF227D");

        Throwable refused = catchThrowable(() -> JSON.readValue(new StrictUtf8(new ByteArrayInputStream(body)),
                Course.class));

        assertThat(Problems.from(refused).errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("title");
            assertThat(error.reason()).contains("UTF-8", "overlong");
        });
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** A request body type. */
    record Course(String nip, String title) {
    }

    /** A stream handing over one byte per read, as a slow network might. */
    private static final class OneByteAtATime extends FilterInputStream {

        OneByteAtATime(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return super.read(buffer, offset, Math.min(length, 1));
        }
    }
}
