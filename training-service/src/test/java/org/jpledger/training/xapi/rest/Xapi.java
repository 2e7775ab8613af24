package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Requests as learning platforms send them to the xAPI resources, and statements under the JP Ledger profile. */
public final class Xapi {

    public static final String VERSION = "X-Experience-API-Version";
    public static final String LMS = "lms-test";
    public static final String SCOPED = "lms-scoped";
    public static final String READER = "lms-reader";
    /** The scoped system's one unit (application.properties, test profile). */
    public static final String SCOPED_UNIT = "XAPI-SCOPE";
    public static final String NIP_HOME_PAGE = "https://siasn.bkn.go.id";

    private Xapi() {
    }

    /** A request of the system {@code name} (a configured test credential), speaking xAPI 2.0.0. */
    public static RequestSpecification as(String name) {
        return as(name, "2.0.0");
    }

    /** A request of the system {@code name} speaking xAPI {@code version}. */
    public static RequestSpecification as(String name, String version) {
        return given().header("Authorization", basic(name, secret(name))).header(VERSION, version)
                .contentType(ContentType.JSON);
    }

    public static RequestSpecification lms() {
        return as(LMS);
    }

    public static String basic(String name, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public static String secret(String name) {
        return switch (name) {
            case LMS -> "lms-test-secret-QmFzaWMgY3JlZGVudGlhbHMgZm9y";
            case SCOPED -> "lms-scoped-secret-c2NvcGVkIHRvIG9uZSB1bml0";
            case READER -> "lms-reader-secret-cmVhZHMgb25seQ";
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * A statement as a learning platform sends it when an employee completes a course: verb completed, the NIP as the
     * actor's account, 8 JP in the result extension, kind 16 (e-learning) and competency type in context.
     */
    public static String completed(UUID id, String nip) {
        return completed(id, nip, "\"extensions\":{\"https://jpledger.id/xapi/extensions/jp\":8}");
    }

    /** The completion statement with {@code result} as the inside of its result object. */
    public static String completed(UUID id, String nip, String result) {
        return """
                {%s"actor":{"objectType":"Agent","name":"Siti Rahayu","account":{"homePage":"%s","name":"%s"}},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en-US":"completed"}},
                 "object":{"objectType":"Activity","id":"https://lms.bpsdmd.jatengprov.go.id/course/analisis-kebijakan",
                  "definition":{"name":{"id-ID":"Analisis Kebijakan Publik","en-US":"Public Policy Analysis"},
                   "type":"http://adlnet.gov/expapi/activities/course"}},
                 "result":{"completion":true,"success":true,%s},
                 "context":{"platform":"LMS BPSDMD Jawa Tengah","extensions":{
                   "https://jpledger.id/xapi/extensions/kind":16,
                   "https://jpledger.id/xapi/extensions/competency-type":"TEKNIS"}},
                 "timestamp":"2026-03-05T09:30:00+07:00"}"""
                .formatted(id == null ? "" : "\"id\":\"" + id + "\",", NIP_HOME_PAGE, nip, result);
    }

    /** A statement about something other than a completion (the learner attempted an activity). */
    public static String attempted(UUID id, String mbox, String activity) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:%s"},"verb":{"id":"http://adlnet.gov/expapi/verbs/attempted"},
                 "object":{"id":"%s"}}""".formatted(id, mbox, activity);
    }

    /** An agent parameter of the document resources: an Agent named by an account at a learning platform. */
    public static String agent(String name) {
        return "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.example.go.id\",\"name\":\""
                + name + "\"}}";
    }

    /** An activity IRI no other test uses, so that a test's documents are a scope of their own. */
    public static String freshActivity() {
        return "https://lms.example.go.id/course/" + UUID.randomUUID();
    }

    /** A statement voiding {@code target}. */
    public static String voiding(UUID id, UUID target) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:admin@lms.example.go.id"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/voided","display":{"en-US":"voided"}},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(id, target);
    }
}
