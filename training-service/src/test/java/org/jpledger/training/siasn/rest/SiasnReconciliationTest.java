package org.jpledger.training.siasn.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.siasn.domain.SiasnReconciliationRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reconciliation fixture with every kind of finding, for both SIASN shapes: a match by certificate, by NIP, kind,
 * dates and title; JP, dates and kind differing; ledger only; SIASN only; an unknown NIP, one outside the subtree and
 * an unreadable row. Then taking SIASN records in, access, and bad input and limits.
 */
@QuarkusTest
class SiasnReconciliationTest {

    private static final String KURSUS_HEADER = "id,nip,jenisDiklatId,namaKursus,institusiPenyelenggara,"
            + "nomorSertipikat,tanggalKursus,tanggalSelesaiKursus,tahunKursus,jumlahJam\n";
    private static final String UNKNOWN_NIP = "190001011900011001";

    @Inject
    SiasnReconciliationRepository reconciliations;

    private String run;
    private String root;
    private String child;
    private String other;
    private String e1;
    private String e2;
    private String e3;
    private String outside;
    private Map<String, String> ledger;

    /**
     * root with child; e1 and e2 in child, e3 in root; another root with one employee. The ledger: L1 (e1, certificate
     * CERT-1), L2 (e1, a workshop of 2 days: 10 JP by the day rate, CERT-2), L3 (e2, CERT-3), L4 (e2, kind 8, CERT-4),
     * L5 (e2, a seminar without certificate), L6 (e3, only in the ledger), L7 (e3, PKP, no certificate), L8 (e1, PKA,
     * certificate PKA-8).
     */
    @BeforeEach
    void fixture() {
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        root = "SR-" + run;
        child = root + "-1";
        other = "SO-" + run;
        unit(root, null);
        unit(child, root);
        unit(other, null);
        e1 = employee(child);
        e2 = employee(child);
        e3 = employee(root);
        outside = employee(other);
        ledger = Map.of(
                "L1", completion(e1, 3, "Pelatihan Analisis Kebijakan", "2026-03-02", "2026-03-05", "\"jp\":24", "CERT-1"),
                "L2", completion(e1, 4, "Workshop Analisis Jabatan", "2026-04-06", "2026-04-07", "\"days\":2", "CERT-2"),
                "L3", completion(e2, 3, "Pelatihan Pengadaan Barang dan Jasa", "2026-05-04", "2026-05-08", "\"jp\":40",
                        "CERT-3"),
                "L4", completion(e2, 8, "Bimbingan Teknis Arsip Digital", "2026-06-01", "2026-06-03", "\"jp\":20",
                        "CERT-4"),
                "L5", completion(e2, 9, "Seminar Nasional Manajemen ASN", "2026-04-10", "2026-04-10", "\"jp\":4", null),
                "L6", completion(e3, 3, "Bimtek Aplikasi SIASN", "2026-02-02", "2026-02-03", "\"jp\":16", "CERT-6"),
                "L7", completion(e3, 1, "Pelatihan Kepemimpinan Pengawas (PKP) Angkatan II", "2026-02-01",
                        "2026-02-28", "\"jp\":180", null),
                "L8", completion(e1, 1, "Pelatihan Kepemimpinan Administrator (PKA)", "2026-05-01", "2026-07-31",
                        "\"jp\":180", "PKA-8"));
    }

    @Test
    void reconcilesRiwayatKursusFindingEveryKindOfDifference() {
        String file = KURSUS_HEADER
                // S1: L1 by certificate (spacing and case aside), another title: no differences
                + "rwk-1," + e1 + ",3,Analis Kebijakan Ahli Muda,LAN,cert-1 ,02-03-2026,05-03-2026,2026,24\n"
                // S2: L2 by certificate; SIASN says 16 JP, the certificate 10 (2 days of a workshop)
                + "rwk-2," + e1 + ",4,Workshop Anjab,BKD,CERT-2,06-04-2026,07-04-2026,2026,16\n"
                // S3: L3 by certificate; the end date differs
                + "rwk-3," + e2 + ",3,Pelatihan PBJ,LKPP,CERT-3,04-05-2026,09-05-2026,2026,40\n"
                // S4: L4 by certificate; the kind differs
                + "rwk-4," + e2 + ",3,Bimtek Arsip Digital,ANRI,CERT-4,01-06-2026,03-06-2026,2026,20\n"
                // S5: L5 by NIP, kind, dates and a similar title
                + "rwk-5," + e2 + ",9,Seminar Nasional Manajemen ASN 2026,KemenPANRB,,10-04-2026,10-04-2026,2026,4\n"
                // S6, S7: SIASN only (one without SIASN id)
                + "rwk-6," + e3 + ",3,Pelatihan Public Speaking,BPSDMD,PS-6,12-01-2026,14-01-2026,2026,24\n"
                + "," + e1 + ",11,Kursus Bahasa Inggris,LIA,,05-01-2026,30-01-2026,2026,32\n"
                // S8: an NIP nobody has; S9: an employee outside the subtree; S10: an unreadable date
                + "rwk-8," + UNKNOWN_NIP + ",3,Pelatihan Lain,LAN,,02-03-2026,05-03-2026,2026,24\n"
                + "rwk-9," + outside + ",3,Pelatihan Lain,LAN,,02-03-2026,05-03-2026,2026,24\n"
                + "rwk-10," + e1 + ",3,Pelatihan Lain,LAN,,2026-03-02,05-03-2026,2026,24\n";
        JsonPath rec = reconcile(root, null, "text/csv", file).statusCode(201)
                .body("shape", equalTo("riwayat-kursus")).extract().jsonPath();
        assertThat(rec.getMap("counts")).containsEntry("rowsRead", 10).containsEntry("matched", 5)
                .containsEntry("matchedDiffering", 3).containsEntry("ledgerOnly", 1).containsEntry("siasnOnly", 2)
                .containsEntry("unknownNip", 1).containsEntry("outsideUnit", 1).containsEntry("invalidRows", 1);
        String id = rec.getString("id");

        Map<String, Map<String, Object>> bySiasnId = items(id).stream().filter(i -> i.get("siasnId") != null)
                .collect(Collectors.toMap(i -> (String) i.get("siasnId"), i -> i));
        assertMatch(bySiasnId.get("rwk-1"), "L1", "CERTIFICATE", List.of());
        assertMatch(bySiasnId.get("rwk-2"), "L2", "CERTIFICATE", List.of("jp"));
        assertThat(bySiasnId.get("rwk-2")).containsEntry("ledgerJp", 10).containsEntry("siasnJp", 16);
        assertMatch(bySiasnId.get("rwk-3"), "L3", "CERTIFICATE", List.of("endDate"));
        assertThat(bySiasnId.get("rwk-3")).containsEntry("ledgerEndDate", "2026-05-08")
                .containsEntry("siasnEndDate", "2026-05-09");
        assertMatch(bySiasnId.get("rwk-4"), "L4", "CERTIFICATE", List.of("kindId"));
        assertThat(bySiasnId.get("rwk-4")).containsEntry("ledgerKindId", 8).containsEntry("siasnKindId", 3);
        assertMatch(bySiasnId.get("rwk-5"), "L5", "NIP_KIND_DATES_TITLE", List.of());
        assertThat(bySiasnId.get("rwk-6")).containsEntry("finding", "SIASN_ONLY").containsEntry("unitCode", root);
        assertThat(bySiasnId.get("rwk-8")).containsEntry("finding", "UNKNOWN_NIP");
        assertThat(bySiasnId.get("rwk-9")).containsEntry("finding", "OUTSIDE_UNIT").containsEntry("unitCode", other);

        List<Map<String, Object>> ledgerOnly = items(id, "LEDGER_ONLY");
        // The structural completions L7 and L8 are not riwayat kursus: not ledger-only here.
        assertThat(ledgerOnly).singleElement().satisfies(i -> assertThat(i).containsEntry("completionId",
                ledger.get("L6")).containsEntry("nip", e3));
        assertThat(items(id, "INVALID_ROW")).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("rowNumber", 10).hasEntrySatisfying("problem",
                        p -> assertThat((String) p).contains("tanggalKursus")));

        List<Map<String, Object>> units = rec.getList("units");
        assertThat(units).anySatisfy(u -> assertThat(u).containsEntry("unitCode", child).containsEntry("matched", 5)
                .containsEntry("matchedDiffering", 3).containsEntry("siasnOnly", 1));
        assertThat(units).anySatisfy(u -> assertThat(u).containsEntry("unitCode", root).containsEntry("ledgerOnly", 1)
                .containsEntry("siasnOnly", 1));
        List<Map<String, Object>> employees = rec.getList("employees");
        assertThat(employees).anySatisfy(e -> assertThat(e).containsEntry("nip", e1).containsEntry("matched", 2)
                .containsEntry("matchedDiffering", 1).containsEntry("siasnOnly", 1).containsEntry("invalidRows", 0));
        assertThat(employees).anySatisfy(e -> assertThat(e).containsEntry("nip", e3).containsEntry("ledgerOnly", 1));

        String csv = given().get("/api/v1/siasn/reconciliations/{id}/file", id).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("item,finding,matchRule,nip,unitCode,rowNumber,completionId,siasnId");
        assertThat(lines).hasSize(1 + 11);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("MATCHED,CERTIFICATE," + e1)
                .contains(ledger.get("L2")).contains(",rwk-2,").contains(",jp,4,4,").contains(",10,16,"));
    }

    @Test
    void reconcilesRiwayatDiklatStrukturalFromJsonLines() {
        String file = """
                {"id":"rwd-1","nip":"%s","latihanStrukturalId":"2","nomor":null,"tahun":2026,"tanggal":"01-02-2026","tanggalSelesai":"28-02-2026","jumlahJam":180}
                {"id":"rwd-2","nip":"%s","latihanStrukturalId":"3","nomor":"PKA-8","tahun":2026,"tanggal":"01-05-2026","tanggalSelesai":"31-07-2026","jumlahJam":200}
                {"id":"rwd-3","nip":"%s","latihanStrukturalId":"2","nomor":"PKP-3","tahun":2025,"tanggal":"01-09-2025","tanggalSelesai":"30-10-2025","jumlahJam":180,"institusiPenyelenggara":"BPSDMD"}
                {"id":"rwd-4","nip":"%s","latihanStrukturalId":"2","tahun":2025,"tanggal":"01-09-2025","tanggalSelesai":"30-10-2025","jumlahJam":180}
                """.formatted(e3, e1, e2, UNKNOWN_NIP);
        JsonPath rec = reconcile(root, "struktural", "application/x-ndjson", file).statusCode(201)
                .body("shape", equalTo("riwayat-diklat-struktural")).extract().jsonPath();
        assertThat(rec.getMap("counts")).containsEntry("rowsRead", 4).containsEntry("matched", 2)
                .containsEntry("matchedDiffering", 1).containsEntry("ledgerOnly", 0).containsEntry("siasnOnly", 1)
                .containsEntry("unknownNip", 1);
        Map<String, Map<String, Object>> bySiasnId = items(rec.getString("id")).stream()
                .filter(i -> i.get("siasnId") != null)
                .collect(Collectors.toMap(i -> (String) i.get("siasnId"), i -> i));
        // The SIASN title (the latihan struktural's name) differs, but it names the same level as the ledger's PKP.
        assertMatch(bySiasnId.get("rwd-1"), "L7", "NIP_KIND_DATES_TITLE", List.of());
        assertMatch(bySiasnId.get("rwd-2"), "L8", "CERTIFICATE", List.of("jp"));
        assertThat(bySiasnId.get("rwd-3")).containsEntry("finding", "SIASN_ONLY").containsEntry("siasnKindId", 1);
    }

    @Test
    void takesSiasnOnlyRecordsInOnceItemByItemOrAll() {
        String file = KURSUS_HEADER
                + "rwk-a," + e3 + ",3,Pelatihan Public Speaking,BPSDMD,PS-6,12-01-2026,14-01-2026,2026,24\n"
                + "," + e1 + ",11,Kursus Bahasa Inggris,,,05-01-2026,30-01-2026,2026,32\n"
                + "rwk-c," + e1 + ",3,Analis Kebijakan,LAN,CERT-1,02-03-2026,05-03-2026,2026,24\n";
        String id = reconcile(root, "kursus", "text/csv", file).statusCode(201).extract().path("id");
        List<Map<String, Object>> siasnOnly = items(id, "SIASN_ONLY");
        int first = (Integer) siasnOnly.get(0).get("id");
        int matched = (Integer) items(id, "MATCHED").get(0).get("id");

        JsonPath once = adopt(id, "{\"items\":[" + first + "]}").body("created", equalTo(1)).extract().jsonPath();
        String completion = once.getString("items[0].completionId");
        given().get("/api/v1/completions/{id}", completion).then().statusCode(200)
                .body("sourceSystem", equalTo("siasn")).body("externalId", equalTo("rwk-a")).body("kindId", equalTo(3))
                .body("jp", org.hamcrest.Matchers.anyOf(equalTo(24), equalTo(24.0f))).body("title", equalTo("Pelatihan Public Speaking"));
        adopt(id, "{\"items\":[" + first + "]}").body("created", equalTo(0)).body("existing", equalTo(1))
                .body("items[0].completionId", equalTo(completion));

        JsonPath all = adopt(id, "{\"all\":true}").body("created", equalTo(1)).body("existing", equalTo(1))
                .body("failed", equalTo(0)).extract().jsonPath();
        String derived = all.getString("items.find { it.status == 'created' }.completionId");
        given().get("/api/v1/completions/{id}", derived).then().statusCode(200)
                .body("externalId", org.hamcrest.Matchers.startsWith("content:"))
                .body("provider", equalTo("Tidak tercatat di SIASN")).body("deliveryMode", equalTo("LURING"));
        adopt(id, "{\"all\":true}").body("created", equalTo(0)).body("existing", equalTo(2));
        assertThat(items(id, "SIASN_ONLY")).allSatisfy(i -> assertThat(i.get("adoptedCompletionId")).isNotNull());

        adopt(id, "{\"items\":[" + matched + ",99999]}").body("failed", equalTo(2))
                .body("items[0].problem.status", equalTo(409)).body("items[1].problem.status", equalTo(404));
    }

    @Test
    void keepsReconciliationsToSiasnOperatorsOfTheUnit() {
        String file = KURSUS_HEADER + "rwk-1," + e1 + ",3,Analis,LAN,CERT-1,02-03-2026,05-03-2026,2026,24\n";
        for (String role : new String[] {Access.REPORT_READER, Access.TRAINING_WRITER, Access.TRAINING_READER}) {
            given().header("Authorization", token(role, root)).contentType("text/csv").body(file)
                    .queryParam("unitCode", root).post("/api/v1/siasn/reconciliations").then().statusCode(403);
        }
        given().header("Authorization", token(Access.SIASN_OPERATOR, other)).contentType("text/csv").body(file)
                .queryParam("unitCode", root).post("/api/v1/siasn/reconciliations").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        String scoped = token(Access.SIASN_OPERATOR, child);
        String id = given().header("Authorization", scoped).contentType("text/csv").body(file)
                .queryParam("unitCode", child).post("/api/v1/siasn/reconciliations").then().statusCode(201)
                .body("counts.matched", equalTo(1)).extract().path("id");
        given().header("Authorization", scoped).get("/api/v1/siasn/reconciliations/{id}", id).then().statusCode(200);
        String away = token(Access.SIASN_OPERATOR, other);
        given().header("Authorization", away).get("/api/v1/siasn/reconciliations/{id}", id).then().statusCode(404);
        given().header("Authorization", away).get("/api/v1/siasn/reconciliations/{id}/file", id).then()
                .statusCode(404);
        given().header("Authorization", away).contentType(ContentType.JSON).body("{\"all\":true}")
                .post("/api/v1/siasn/reconciliations/{id}/adoptions", id).then().statusCode(404);
        given().header("Authorization", token(Access.TRAINING_WRITER, child)).contentType(ContentType.JSON)
                .body("{\"all\":true}").post("/api/v1/siasn/reconciliations/{id}/adoptions", id).then()
                .statusCode(403);
    }

    @Test
    void refusesBadInputAndKeepsNothing() {
        String row = "rwk-1," + e1 + ",3,Analis,LAN,CERT-1,02-03-2026,05-03-2026,2026,24\n";
        reconcile(null, null, "text/csv", KURSUS_HEADER + row).statusCode(400).body("errors.field", hasItem("unitCode"));
        reconcile("NO-SUCH-" + run, null, "text/csv", KURSUS_HEADER + row).statusCode(400)
                .body("errors.field", hasItem("unitCode"));
        reconcile(root, "riwayat", "text/csv", KURSUS_HEADER + row).statusCode(400)
                .body("errors.field", hasItem("shape"));
        reconcile(root, null, "application/x-ndjson", "{}\n").statusCode(400).body("errors.field", hasItem("shape"));
        reconcile(root, null, "text/csv", "nip,namaKursus,warna\n").statusCode(400)
                .body("errors.field", hasItem("header"));
        reconcile(root, "struktural", "text/csv", KURSUS_HEADER + row).statusCode(400)
                .body("errors.field", hasItem("header"));
        given().contentType("text/csv").body((KURSUS_HEADER + row.replace("Analis", "An\u00e1lis"))
                .getBytes(StandardCharsets.ISO_8859_1)).queryParam("unitCode", root)
                .post("/api/v1/siasn/reconciliations").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("body"));
        assertThat(stored()).isZero();

        String id = reconcile(root, null, "text/csv", KURSUS_HEADER + row).statusCode(201).extract().path("id");
        given().queryParam("limit", "0").get("/api/v1/siasn/reconciliations/{id}", id).then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().queryParam("finding", "SAME").get("/api/v1/siasn/reconciliations/{id}", id).then().statusCode(400)
                .body("errors.field", hasItem("finding"));
        given().get("/api/v1/siasn/reconciliations/{id}", UUID.randomUUID()).then().statusCode(404);
        adopt(id, "{}", 400);
        adopt(id, "{\"items\":[1],\"all\":true}", 400);
        adopt(id, "{\"items\":[1,1]}", 400);
        String tooMany = java.util.stream.IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString)
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));
        adopt(id, tooMany, 400);
    }

    @Test
    void refusesAFileOverItsRowOrSizeLimitKeepingNothing() {
        // The test profile allows 40 rows and 16 KB.
        String row = "," + e1 + ",3,Pelatihan,LAN,,02-03-2026,05-03-2026,2026,24\n";
        reconcile(root, null, "text/csv", KURSUS_HEADER + row.repeat(40)).statusCode(201);
        long before = stored();
        reconcile(root, null, "text/csv", KURSUS_HEADER + row.repeat(41)).statusCode(413)
                .contentType(Problem.MEDIA_TYPE);
        String longRow = "," + e1 + ",3," + "Pelatihan ".repeat(50) + ",LAN,,02-03-2026,05-03-2026,2026,24\n";
        reconcile(root, null, "text/csv", KURSUS_HEADER + longRow.repeat(35)).statusCode(413)
                .contentType(Problem.MEDIA_TYPE);
        assertThat(stored()).isEqualTo(before);
    }

    private void assertMatch(Map<String, Object> item, String completion, String rule, List<String> differences) {
        assertThat(item).containsEntry("finding", "MATCHED").containsEntry("completionId", ledger.get(completion))
                .containsEntry("matchRule", rule).containsEntry("differences", differences);
    }

    private ValidatableResponse reconcile(String unitCode, String shape, String type, String body) {
        var request = given().contentType(type).body(body.getBytes(StandardCharsets.UTF_8));
        if (unitCode != null) {
            request.queryParam("unitCode", unitCode);
        }
        if (shape != null) {
            request.queryParam("shape", shape);
        }
        return request.post("/api/v1/siasn/reconciliations").then();
    }

    private ValidatableResponse adopt(String id, String body) {
        return adopt(id, body, 200);
    }

    private ValidatableResponse adopt(String id, String body, int status) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/siasn/reconciliations/{id}/adoptions", id).then().statusCode(status);
    }

    private List<Map<String, Object>> items(String id) {
        return given().queryParam("limit", 1000).get("/api/v1/siasn/reconciliations/{id}", id).then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    private List<Map<String, Object>> items(String id, String finding) {
        return given().queryParam("finding", finding).get("/api/v1/siasn/reconciliations/{id}", id).then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    private long stored() {
        return QuarkusTransaction.requiringNew().call(() -> reconciliations.count("unitCode in ?1",
                List.of(root, child)));
    }

    private static void unit(String code, String parent) {
        given().contentType(ContentType.JSON).body(unitJson("Unit " + code, parent)).put("/api/v1/units/{code}", code)
                .then().statusCode(201);
    }

    private static String employee(String unit) {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", nip).then()
                .statusCode(201);
        return nip;
    }

    private static String completion(String nip, int kind, String title, String start, String end, String amount,
            String certificate) {
        String body = """
                {"nip":"%s","title":"%s","kindId":%d,"competencyType":"TEKNIS","deliveryMode":"LURING",
                 "provider":"BPSDMD","startDate":"%s","endDate":"%s",%s,%s"sourceSystem":"test-lms",
                 "externalId":"%s"}""".formatted(nip, title, kind, start, end, amount,
                certificate == null ? "" : "\"certificateNumber\":\"" + certificate + "\",",
                UUID.randomUUID());
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/completions").then().statusCode(201)
                .extract().path("id");
    }

    private static String token(String role, String... units) {
        return TestTokens.bearer(Token.withRoles(role).units(units).subject("siasn-reconciliation-test"));
    }
}
