package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** Reading and writing multipart/mixed bodies as xAPI statement requests with attachments use them. */
class MultipartMixedTest {

    @Test
    void readsTheBoundaryQuotedOrNot() {
        assertThat(MultipartMixed.boundary("multipart/mixed; boundary=abc123")).isEqualTo("abc123");
        assertThat(MultipartMixed.boundary("multipart/mixed;boundary=\"a b:c\"")).isEqualTo("a b:c");
        assertThatThrownBy(() -> MultipartMixed.boundary("multipart/mixed")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void readsPartsWithHeadersAndBinaryContent() {
        byte[] body = ("preamble\r\n--b1\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n"
                + "--b1\r\ncontent-type: application/pdf\r\nX-Experience-API-Hash: abc\r\n\r\n\u0000\r\n\u0001\r\n"
                + "--b1--\r\nepilogue").getBytes(StandardCharsets.ISO_8859_1);

        List<MultipartMixed.Part> parts = MultipartMixed.parse(body, "b1");

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(parts.get(1).header("x-experience-api-hash")).isEqualTo("abc");
        assertThat(parts.get(1).content()).containsExactly(0, '\r', '\n', 1);
    }

    @Test
    void readsABodyWhosePreambleIsALineEndOnly() {
        byte[] body = ("\r\n--b2\r\nContent-Type:application/json\r\n\r\n{}\r\n"
                + "--b2\r\nContent-Type:application/octet-stream\r\n\r\nsig\r\n--b2--").getBytes(StandardCharsets.US_ASCII);

        List<MultipartMixed.Part> parts = MultipartMixed.parse(body, "b2");

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(new String(parts.get(1).content(), StandardCharsets.US_ASCII)).isEqualTo("sig");
    }

    @Test
    void whatItWritesItReads() {
        List<MultipartMixed.Part> parts = List.of(
                new MultipartMixed.Part(Map.of("Content-Type", "application/json"), "[]".getBytes(StandardCharsets.UTF_8)),
                new MultipartMixed.Part(Map.of("Content-Type", "image/png", "X-Experience-API-Hash", "ff"),
                        new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

        List<MultipartMixed.Part> read = MultipartMixed.parse(MultipartMixed.write(parts, "grens"), "grens");

        assertThat(read).hasSize(2);
        assertThat(read.get(1).content()).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(read.get(1).header("X-Experience-API-Hash")).isEqualTo("ff");
    }

    @Test
    void refusesABodyWithoutItsClosingBoundaryOrWithoutParts() {
        assertThatThrownBy(() -> MultipartMixed.parse("--b\r\n\r\nx".getBytes(StandardCharsets.US_ASCII), "b"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> MultipartMixed.parse("no parts".getBytes(StandardCharsets.US_ASCII), "b"))
                .isInstanceOf(InvalidRequestException.class);
    }
}
