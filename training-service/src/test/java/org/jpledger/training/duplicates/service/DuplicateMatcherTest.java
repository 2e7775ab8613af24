package org.jpledger.training.duplicates.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.DuplicateRule;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.training.domain.Completion;
import org.junit.jupiter.api.Test;

/** Each duplicate rule with a case that matches and a near miss that does not, under the default thresholds. */
class DuplicateMatcherTest {

    private final DuplicateMatcher matcher = DuplicateMatcher.of(0.6,
            List.of("pelatihan", "diklat", "bimtek", "bimbingan", "teknis", "workshop", "lokakarya", "kursus", "tahun",
                    "angkatan", "kegiatan", "dan", "di", "bagi", "untuk"),
            true, new BigDecimal("8"));

    /** A 32-JP (full-time) klasikal luring training of kind 3 from 2 to 5 March 2026. */
    private static Completion training(String title) {
        Completion c = new Completion();
        c.id = UUID.randomUUID();
        c.title = title;
        c.kindId = 3;
        c.method = TrainingMethod.KLASIKAL;
        c.deliveryMode = DeliveryMode.LURING;
        c.startDate = LocalDate.of(2026, 3, 2);
        c.endDate = LocalDate.of(2026, 3, 5);
        c.jp = new BigDecimal("32");
        c.recognizedJp = c.jp;
        return c;
    }

    /** A one-JP-a-day (not full-time) training with no title in common with anything. */
    private static Completion partTime(String title) {
        Completion c = training(title);
        c.jp = new BigDecimal("4");
        return c;
    }

    @Test
    void theSameCertificateNumberTypedWithOtherSeparatorsAndCaseMatches() {
        Completion a = partTime("Literasi Digital");
        Completion b = partTime("Manajemen Arsip");
        b.startDate = LocalDate.of(2025, 1, 6);
        b.endDate = LocalDate.of(2025, 1, 7);
        a.certificateNumber = "BPSDMD/2026/0398";
        b.certificateNumber = " bpsdmd-2026.0398 ";

        assertThat(matcher.rules(a, b)).containsExactly(DuplicateRule.SAME_CERTIFICATE);
    }

    @Test
    void anotherCertificateNumberOrABlankOneDoesNotMatch() {
        Completion a = partTime("Literasi Digital");
        Completion b = partTime("Manajemen Arsip");
        a.certificateNumber = "BPSDMD/2026/0398";
        b.certificateNumber = "BPSDMD/2026/0399";
        assertThat(matcher.rules(a, b)).isEmpty();

        a.certificateNumber = " - ";
        b.certificateNumber = "-";
        assertThat(matcher.rules(a, b)).isEmpty();
    }

    @Test
    void aSimilarTitleOfTheSameKindOnOverlappingDatesMatches() {
        Completion a = partTime("Bimtek Penyusunan Laporan Keuangan Tahun 2026");
        Completion b = partTime("Pelatihan Penyusunan Laporan Keuangan");
        b.startDate = LocalDate.of(2026, 3, 5);
        b.endDate = LocalDate.of(2026, 3, 6);

        assertThat(matcher.rules(a, b)).containsExactly(DuplicateRule.SIMILAR_TITLE_OVERLAPPING_DATES);
    }

    @Test
    void aSimilarTitleOnTheNextDaysOrOfAnotherKindOrAnotherSubjectDoesNotMatch() {
        Completion a = partTime("Penyusunan Laporan Keuangan");
        Completion later = partTime("Penyusunan Laporan Keuangan");
        later.startDate = LocalDate.of(2026, 3, 6);
        later.endDate = LocalDate.of(2026, 3, 7);
        Completion otherKind = partTime("Penyusunan Laporan Keuangan");
        otherKind.kindId = 4;
        Completion otherSubject = partTime("Pelatihan Manajemen Kepegawaian");

        assertThat(matcher.rules(a, later)).isEmpty();
        assertThat(matcher.rules(a, otherKind)).isEmpty();
        assertThat(matcher.rules(a, otherSubject)).isEmpty();
    }

    @Test
    void titlesOfOnlyFillerWordsAreComparedWhole() {
        assertThat(matcher.comparedTitle("Diklat Tahun 2026")).isEqualTo("DIKLAT TAHUN 2026");
        assertThat(matcher.comparedTitle("Bimtek Pengadaan Barang/Jasa 2026")).isEqualTo("PENGADAAN BARANG JASA");
    }

    @Test
    void twoFullTimeKlasikalTrainingsOnOverlappingDaysMatch() {
        Completion a = training("Literasi Digital");
        Completion b = training("Manajemen Arsip");
        b.kindId = 5;
        b.startDate = LocalDate.of(2026, 3, 4);
        b.endDate = LocalDate.of(2026, 3, 6);
        b.jp = new BigDecimal("24");

        assertThat(matcher.rules(a, b)).containsExactly(DuplicateRule.OVERLAPPING_FULL_TIME_KLASIKAL);
    }

    @Test
    void aPartTimeOrOnlineOrNonklasikalTrainingBesideAFullTimeOneDoesNotMatch() {
        Completion a = training("Literasi Digital");
        Completion partTime = training("Manajemen Arsip");
        partTime.jp = new BigDecimal("31.99");
        Completion online = training("Manajemen Arsip");
        online.deliveryMode = DeliveryMode.DARING;
        Completion nonklasikal = training("Manajemen Arsip");
        nonklasikal.method = TrainingMethod.NONKLASIKAL;

        assertThat(matcher.rules(a, partTime)).isEmpty();
        assertThat(matcher.rules(a, online)).isEmpty();
        assertThat(matcher.rules(a, nonklasikal)).isEmpty();
    }

    @Test
    void everyRuleThatMatchesIsNamed() {
        Completion a = training("Penyusunan Laporan Keuangan");
        Completion b = training("Penyusunan Laporan Keuangan");
        a.certificateNumber = "SERT-1";
        b.certificateNumber = "sert 1";

        assertThat(matcher.rules(a, b)).containsExactly(DuplicateRule.SAME_CERTIFICATE,
                DuplicateRule.SIMILAR_TITLE_OVERLAPPING_DATES, DuplicateRule.OVERLAPPING_FULL_TIME_KLASIKAL);
    }
}
