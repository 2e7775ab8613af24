package org.jpledger.training.siasn.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionRepository;
import org.junit.jupiter.api.Test;

/**
 * Import jobs of SIASN files: riwayat kursus and riwayat diklat struktural, CSV or JSON lines, each record taken in as
 * a reconciliation's adoption takes it, a bad row reported by its number, the same file twice recorded once.
 */
@QuarkusTest
class SiasnImportFormatTest {

    private static final String JOBS = "/api/v1/completions/imports";

    @Inject
    CompletionRepository completions;

    @Test
    void importsARiwayatKursusCsvAsCompletionsFromSiasn() {
        String nip = registeredEmployee();
        String key = "RK-" + UUID.randomUUID();
        String csv = "id,nip,jenisDiklatId,namaKursus,institusiPenyelenggara,nomorSertipikat,tanggalKursus,"
                + "tanggalSelesaiKursus,tahunKursus,jumlahJam\n"
                + key + "-1," + nip + ",3,Pelatihan Analisis Kebijakan,BPSDMD,SRT-1,02-03-2026,05-03-2026,2026,12\n"
                + key + "-2," + nip + ",4,Workshop Arsip Digital,,SRT-2,06-04-2026,07-04-2026,2026,8\n"
                + key + "-3," + nip + ",3,Pelatihan Tanggal Salah,BPSDMD,SRT-3,2026-03-02,05-03-2026,2026,8\n";
        String writer = writer();

        JsonPath job = run(writer, "siasn-kursus", "text/csv", csv);

        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getLong("rowsRead")).isEqualTo(3);
        assertThat(job.getLong("created")).isEqualTo(2);
        assertThat(job.getLong("errors")).isEqualTo(1);
        assertThat(given().header("Authorization", writer).get(JOBS + "/{id}/errors", job.getString("id")).asString())
                .contains("\r\n3,tanggalKursus,400,");
        Completion first = QuarkusTransaction.requiringNew().call(() -> completions
                .find("sourceSystem = ?1 and externalId = ?2", SiasnCompletions.SOURCE_SYSTEM, key + "-1")
                .firstResult());
        assertThat(first.jp).isEqualByComparingTo("12");
        assertThat(first.kindId).isEqualTo(3);
        assertThat(first.certificateNumber).isEqualTo("SRT-1");

        JsonPath again = run(writer, "siasn-kursus", "text/csv", csv);
        assertThat(again.getLong("created")).isZero();
        assertThat(again.getLong("existing")).isEqualTo(2);
        assertThat(recorded(key)).isEqualTo(2);
    }

    @Test
    void importsRiwayatDiklatStrukturalJsonLinesAsStructuralTraining() {
        String nip = registeredEmployee();
        String key = "RD-" + UUID.randomUUID();
        String lines = "{\"id\":\"" + key + "\",\"nip\":\"" + nip + "\",\"latihanStrukturalId\":\"3\",\"nomor\":\"PKA-1\","
                + "\"tahun\":2026,\"tanggal\":\"02-03-2026\",\"tanggalSelesai\":\"30-05-2026\",\"jumlahJam\":300,"
                + "\"institusiPenyelenggara\":\"BPSDMD\",\"bobot\":0}\n";

        JsonPath job = run(writer(), "siasn-struktural", "application/x-ndjson", lines);

        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getLong("created")).isEqualTo(1);
        Completion pka = QuarkusTransaction.requiringNew().call(() -> completions
                .find("sourceSystem = ?1 and externalId = ?2", SiasnCompletions.SOURCE_SYSTEM, key).firstResult());
        assertThat(pka.kindId).isEqualTo(1);
        assertThat(pka.jp).isEqualByComparingTo("300");
    }

    private JsonPath run(String token, String format, String type, String body) {
        String id = given().header("Authorization", token).contentType(type).queryParam("format", format)
                .body(body.getBytes(StandardCharsets.UTF_8)).post(JOBS)
                .then().statusCode(202).body("format", equalTo(format)).extract().path("id");
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().header("Authorization", token).get(JOBS + "/{id}", id).then().statusCode(200)
                        .extract().jsonPath(),
                job -> !job.getString("state").equals("QUEUED") && !job.getString("state").equals("RUNNING"));
    }

    private long recorded(String key) {
        return QuarkusTransaction.requiringNew().call(() -> completions.count("externalId like ?1", key + "%"));
    }

    private static String writer() {
        return TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS)
                .client("siasn-import-" + UUID.randomUUID()).subject("siasn-import"));
    }
}
