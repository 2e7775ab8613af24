package org.jpledger.training.siasn.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TitleSimilarityTest {

    @Test
    void findsTheSameTitleWhateverItsCaseSpacingPunctuationAndAccents() {
        assertThat(TitleSimilarity.of("Pelatihan Analisis Kebijakan", "PELATIHAN  analisis-kebijakan.")).isEqualTo(1.0);
        assertThat(TitleSimilarity.of("Diklat Teknis Pengadaan", "Diklat Téknis Pengadaan")).isEqualTo(1.0);
    }

    @Test
    void ratesATypoOrAnAddedWordHighAndAnotherTrainingLow() {
        assertThat(TitleSimilarity.of("Seminar Nasional Manajemen ASN", "Seminar Nasional Manajemen ASN 2026"))
                .isGreaterThan(0.9);
        assertThat(TitleSimilarity.of("Pelatihan Analisis Kebijakan", "Pelatihan Analisis Kebijkan"))
                .isGreaterThan(0.85);
        assertThat(TitleSimilarity.of("Pelatihan Analisis Kebijakan", "Bimbingan Teknis Arsip Digital"))
                .isLessThan(0.3);
    }

    @Test
    void isSymmetricAndZeroForNothing() {
        double ab = TitleSimilarity.of("Workshop Anjab", "Workshop Analisis Jabatan");
        assertThat(TitleSimilarity.of("Workshop Analisis Jabatan", "Workshop Anjab")).isCloseTo(ab, within(1e-9));
        assertThat(TitleSimilarity.of("", "Workshop")).isZero();
        assertThat(TitleSimilarity.of(null, "Workshop")).isZero();
        assertThat(TitleSimilarity.of("A", "B")).isZero();
    }
}
