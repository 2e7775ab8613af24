package org.jpledger.training.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A certificate's type is told by its first bytes. */
class CertificateTypeTest {

    @Test
    void tellsPdfPngJpegAndWebpByTheirMagicNumbers() {
        assertThat(CertificateType.sniff(ascii("%PDF-1.4 ..."))).contains(CertificateType.PDF);
        assertThat(CertificateType.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
                .contains(CertificateType.PNG);
        assertThat(CertificateType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB}))
                .contains(CertificateType.JPEG);
        assertThat(CertificateType.sniff(ascii("RIFF\u0000\u0001\u0000\u0000WEBPVP8 "))).contains(CertificateType.WEBP);
    }

    @Test
    void anythingElseIsNoCertificateType() {
        assertThat(CertificateType.sniff(ascii("sertifikat.pdf"))).isEmpty();
        assertThat(CertificateType.sniff(ascii("<html><body>%PDF-"))).isEmpty();
        assertThat(CertificateType.sniff(ascii("%PDF"))).isEmpty();
        assertThat(CertificateType.sniff(ascii("RIFF\u0000\u0001\u0000\u0000WAVEfmt "))).isEmpty();
        assertThat(CertificateType.sniff(new byte[0])).isEmpty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
