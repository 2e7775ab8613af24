package org.jpledger.training.verification.rest;

import static io.restassured.RestAssured.given;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;

/** Units, employees, completions and verifier calls the verification tests share. */
final class Verification {

    private Verification() {
    }

    /** A fresh unit below {@code parent} (a root for null); its code. */
    static String unit(String parent) {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Unit " + code, parent)).put("/api/v1/units/{code}", code)
                .then().statusCode(201);
        return code;
    }

    /** A fresh employee of {@code unit}; the NIP. */
    static String employee(String unit) {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201);
        return nip;
    }

    /** A completion body of {@code nip} from {@code source}, with a fresh external id. */
    static String completion(String nip, String source, String title) {
        return """
                {"nip":"%s","title":"%s","kindId":3,"competencyType":"TEKNIS","deliveryMode":"LURING",
                 "provider":"BPSDMD Provinsi Jawa Tengah","startDate":"2026-03-02","endDate":"2026-03-05","jp":24,
                 "certificateNumber":"CERT-1","sourceSystem":"%s","externalId":"%s"}"""
                .formatted(nip, title, source, "ver-" + java.util.UUID.randomUUID());
    }

    /** Records {@code body} with the suite's token (subject {@link TestTokens#TEST_SUITE}); the id. */
    static String record(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/completions").then().statusCode(201)
                .extract().path("id");
    }

    /** A bearer token of a verifier of {@code units} named {@code subject}. */
    static String verifier(String subject, String... units) {
        return TestTokens.bearer(Token.withRoles(Access.TRAINING_VERIFIER).units(units).subject(subject));
    }

    /** A bearer token of an admin named {@code subject}. */
    static String admin(String subject) {
        return TestTokens.bearer(Token.withRoles(Access.ADMIN).subject(subject));
    }

    static Response decide(String token, String id, Long version, String body) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON).body(body);
        if (version != null) {
            request.header("If-Match", "\"" + version + "\"");
        }
        return request.post("/api/v1/completions/{id}/verification", id);
    }

    static String verified() {
        return "{\"decision\":\"VERIFIED\"}";
    }

    static String rejected(String code, String note) {
        return note == null ? "{\"decision\":\"REJECTED\",\"reasonCode\":\"" + code + "\"}"
                : "{\"decision\":\"REJECTED\",\"reasonCode\":\"" + code + "\",\"note\":\"" + note + "\"}";
    }

    /** Makes {@code unit}'s subtree trust exactly {@code sources}, as an admin. */
    static void trust(String unit, String... sources) {
        StringBuilder list = new StringBuilder();
        for (String source : sources) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(source).append('"');
        }
        given().header("Authorization", admin("trust-admin")).contentType(ContentType.JSON)
                .body("{\"sourceSystems\":[" + list + "]}").put("/api/v1/verification/trusted-sources/{u}", unit)
                .then().statusCode(200);
    }
}
