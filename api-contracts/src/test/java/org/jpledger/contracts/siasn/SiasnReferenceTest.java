package org.jpledger.contracts.siasn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class SiasnReferenceTest {

    @Test
    void readsTheLevelOfAStructuralTrainingFromItsTitle() {
        assertThat(SiasnReference.latihanStrukturalId("Pelatihan Kepemimpinan Nasional (PKN) Tingkat I")).isEqualTo("5");
        assertThat(SiasnReference.latihanStrukturalId("PKN Tingkat I Angkatan LX")).isEqualTo("5");
        assertThat(SiasnReference.latihanStrukturalId("PKN II Angkatan 3")).isEqualTo("4");
        assertThat(SiasnReference.latihanStrukturalId("Pelatihan Kepemimpinan Administrator (PKA) Angkatan II")).isEqualTo("3");
        assertThat(SiasnReference.latihanStrukturalId("Pelatihan Kepemimpinan Pengawas (PKP)")).isEqualTo("2");
        assertThat(SiasnReference.latihanStrukturalId("Diklatpim Tk. IV")).isEqualTo("2");
        assertThat(SiasnReference.latihanStrukturalId("Diklat PIM Tingkat III")).isEqualTo("3");
        assertThat(SiasnReference.latihanStrukturalId("SEPADA angkatan 1")).isEqualTo("1");
        assertThat(SiasnReference.latihanStrukturalId("PKN Angkatan II")).isEqualTo(SiasnReference.OTHER_STRUCTURAL);
        assertThat(SiasnReference.latihanStrukturalId("Orientasi Kepemimpinan")).isEqualTo(SiasnReference.OTHER_STRUCTURAL);
        assertThat(SiasnReference.latihanStrukturalId(null)).isEqualTo(SiasnReference.OTHER_STRUCTURAL);
    }

    @Test
    void writesTheCertificatesJpAsAWholeNumber() {
        assertThat(SiasnReference.jumlahJam(new BigDecimal("12"))).isEqualTo(12);
        assertThat(SiasnReference.jumlahJam(new BigDecimal("12.50"))).isEqualTo(13);
        assertThat(SiasnReference.jumlahJam(new BigDecimal("12.49"))).isEqualTo(12);
    }

    @Test
    void takesTheCertificateKindOfEachJenisDiklat() {
        assertThat(SiasnReference.certificateKind(2)).isEqualTo("F");
        assertThat(SiasnReference.certificateKind(9)).isEqualTo("P");
        assertThat(SiasnReference.certificateKind(3)).isEqualTo("T");
    }

    @Test
    void readsAndWritesDatesDayFirst() {
        assertThat(LocalDate.of(2026, 3, 9).format(SiasnReference.DATE)).isEqualTo("09-03-2026");
        assertThat(LocalDate.parse("31-12-2026", SiasnReference.DATE)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> LocalDate.parse("31-02-2026", SiasnReference.DATE))
                .isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void sendsStructuralTrainingApart() {
        assertThat(SiasnShape.ofKind(1)).isEqualTo(SiasnShape.STRUKTURAL);
        assertThat(SiasnShape.ofKind(3)).isEqualTo(SiasnShape.KURSUS);
    }
}
