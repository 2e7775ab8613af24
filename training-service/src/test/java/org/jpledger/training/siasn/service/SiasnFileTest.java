package org.jpledger.training.siasn.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class SiasnFileTest {

    private static final String NIP = "198503122010012003";
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void recognisesTheShapeFromACsvHeaderInAnyOrderAndNumbersTheRows() {
        SiasnFile file = open("""
                namaKursus;nip;jenisDiklatId;tanggalKursus;tanggalSelesaiKursus;jumlahJam
                Pelatihan Analisis Kebijakan;%s;3;02-03-2026;05-03-2026;24
                Pelatihan Tanpa Tanggal;%s;3;;05-03-2026;24
                """.formatted(NIP, NIP), SiasnFile.Format.CSV, null);
        assertThat(file.shape()).isEqualTo(SiasnShape.KURSUS);
        List<SiasnFile.Row> rows = rows(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).number()).isEqualTo(1);
        assertThat(rows.get(0).record().jumlahJam()).isEqualTo(24);
        assertThat(rows.get(1).record()).isNull();
        assertThat(rows.get(1).problem().errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("tanggalKursus"));
    }

    @Test
    void refusesAnUnknownColumnAMissingOneAndAHeaderOfNoShape() {
        assertThatThrownBy(() -> open("nip,namaKursus,jenisDiklatId,tanggalKursus,tanggalSelesaiKursus,jumlahJam,"
                + "warna\n", SiasnFile.Format.CSV, null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> open("nip,latihanStrukturalId,tanggal,tanggalSelesai\n", SiasnFile.Format.CSV, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> open("nip,jumlahJam\n", SiasnFile.Format.CSV, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> open("nip,namaKursus\n", SiasnFile.Format.CSV, SiasnShape.STRUKTURAL))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void readsJsonLinesOfTheNamedShapeSkippingBlankLines() {
        SiasnFile file = open("""
                {"id":"rwd-1","nip":"%s","latihanStrukturalId":"3","nomor":"PKA/1","tahun":2026,"tanggal":"01-02-2026","tanggalSelesai":"30-04-2026","jumlahJam":"200","extra":1}

                not json
                """.formatted(NIP), SiasnFile.Format.JSON_LINES, SiasnShape.STRUKTURAL);
        List<SiasnFile.Row> rows = rows(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).record().kindId()).isEqualTo(1);
        assertThat(rows.get(0).record().certificateNumber()).isEqualTo("PKA/1");
        assertThat(rows.get(1).number()).isEqualTo(3);
        assertThat(rows.get(1).problem()).isNotNull();
        assertThatThrownBy(() -> open("{}", SiasnFile.Format.JSON_LINES, null))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void refusesALineOverTheCap() {
        SiasnFile file = SiasnFile.open(new ByteArrayInputStream(("{\"nip\":\"" + "9".repeat(200) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8)), SiasnFile.Format.JSON_LINES, SiasnShape.KURSUS, mapper, 100, 50);
        assertThatThrownBy(file::hasNext).isInstanceOf(PayloadTooLargeException.class);
    }

    private SiasnFile open(String text, SiasnFile.Format format, SiasnShape shape) {
        return SiasnFile.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format, shape, mapper,
                65536, 8192);
    }

    private static List<SiasnFile.Row> rows(SiasnFile file) {
        List<SiasnFile.Row> rows = new ArrayList<>();
        file.forEachRemaining(rows::add);
        return rows;
    }
}
