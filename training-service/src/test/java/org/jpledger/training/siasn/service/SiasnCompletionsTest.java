package org.jpledger.training.siasn.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.siasn.SiasnCourse;
import org.jpledger.contracts.siasn.SiasnStructuralTraining;
import org.jpledger.training.service.NewCompletion;
import org.junit.jupiter.api.Test;

class SiasnCompletionsTest {

    private static final String NIP = "198503122010012003";

    @Test
    void mapsACourseToANewCompletionFromSiasn() {
        SiasnRecord r = SiasnRecord.of(new SiasnCourse("rwk-1", NIP, null, null, "16", null, "T",
                "E-Learning Manajemen ASN", "BKN", "SRT/1", "02-03-2026", "05-03-2026", 2026, 12, null));
        NewCompletion c = SiasnCompletions.toNewCompletion(r);
        assertThat(c.nip()).isEqualTo(NIP);
        assertThat(c.kindId()).isEqualTo(16);
        assertThat(c.title()).isEqualTo("E-Learning Manajemen ASN");
        assertThat(c.provider()).isEqualTo("BKN");
        assertThat(c.certificateNumber()).isEqualTo("SRT/1");
        assertThat(c.startDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(c.endDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(c.jp()).isEqualByComparingTo(new BigDecimal("12"));
        assertThat(c.days()).isNull();
        assertThat(c.competencyType()).isEqualTo(CompetencyType.TEKNIS);
        assertThat(c.deliveryMode()).isEqualTo(DeliveryMode.DARING);
        assertThat(c.sourceSystem()).isEqualTo("siasn");
        assertThat(c.externalId()).isEqualTo("rwk-1");
    }

    @Test
    void mapsAStructuralTrainingAsKindOneWithItsLatihanStrukturalName() {
        SiasnRecord r = SiasnRecord.of(new SiasnStructuralTraining(null, NIP, null, "2", "PKP/9", 2026, "01-02-2026",
                "28-02-2026", 180, null));
        NewCompletion c = SiasnCompletions.toNewCompletion(r);
        assertThat(c.kindId()).isEqualTo(1);
        assertThat(c.title()).contains("PKP");
        assertThat(c.competencyType()).isEqualTo(CompetencyType.MANAJERIAL);
        assertThat(c.deliveryMode()).isEqualTo(DeliveryMode.LURING);
        assertThat(c.provider()).isEqualTo(SiasnCompletions.UNKNOWN_PROVIDER);
        assertThat(c.externalId()).startsWith("content:").hasSize("content:".length() + 40);
    }

    @Test
    void derivesTheSameKeyForTheSameRecordAndAnotherForAnother() {
        SiasnCourse course = new SiasnCourse(null, NIP, null, null, "3", null, "T", "Pelatihan Analisis Kebijakan",
                "LAN", null, "02-03-2026", "05-03-2026", 2026, 24, null);
        SiasnCourse retyped = new SiasnCourse(null, NIP, null, null, "3", null, "T", "PELATIHAN analisis kebijakan ",
                "LAN", null, "02-03-2026", "05-03-2026", 2026, 24, null);
        SiasnCourse later = new SiasnCourse(null, NIP, null, null, "3", null, "T", "Pelatihan Analisis Kebijakan",
                "LAN", null, "09-03-2026", "12-03-2026", 2026, 24, null);
        String key = SiasnCompletions.externalId(SiasnRecord.of(course));
        assertThat(SiasnCompletions.externalId(SiasnRecord.of(retyped))).isEqualTo(key);
        assertThat(SiasnCompletions.externalId(SiasnRecord.of(later))).isNotEqualTo(key);
    }
}
