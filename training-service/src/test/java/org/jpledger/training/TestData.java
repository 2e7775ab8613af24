package org.jpledger.training;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.concurrent.atomic.AtomicInteger;

/** Named test data and small helpers that register the units and employees a test needs. */
public final class TestData {

    /** A valid PNS NIP: born 1985-03-12, appointed 2010-01, female, sequence 003. */
    public static final String PNS_NIP = "198503122010012003";

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private TestData() {
    }

    /** A fresh valid PNS NIP, so tests never share an employee. */
    public static String freshNip() {
        return String.format("198503122010011%03d", SEQUENCE.incrementAndGet() % 1000);
    }

    /** A fresh unit code. */
    public static String freshUnit() {
        return "U-" + SEQUENCE.incrementAndGet();
    }

    public static String unitJson(String name, String parentCode) {
        return parentCode == null ? "{\"name\":\"" + name + "\"}"
                : "{\"name\":\"" + name + "\",\"parentCode\":\"" + parentCode + "\"}";
    }

    public static String employeeJson(String unitCode) {
        return employeeJson("Siti Rahayu", unitCode);
    }

    public static String employeeJson(String name, String unitCode) {
        return """
                {"name":"%s","employmentType":"PNS","positionLevel":"PELAKSANA","unitCode":"%s",
                 "employedFrom":"2010-01-01"}""".formatted(name, unitCode);
    }

    /** A valid completion body for {@code nip}: a 24-JP technical training in March 2026. */
    public static String completionJson(String nip, String externalId) {
        return """
                {"nip":"%s","title":"Pelatihan Analisis Kebijakan","kindId":3,"competencyType":"TEKNIS",
                 "deliveryMode":"LURING","provider":"BPSDMD Provinsi Jawa Tengah","startDate":"2026-03-02",
                 "endDate":"2026-03-05","jp":24,"sourceSystem":"test-lms","externalId":"%s"}""".formatted(nip, externalId);
    }

    /** Registers a fresh unit and a fresh employee in it, and returns the employee's NIP. */
    public static String registeredEmployee() {
        String unit = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Unit " + unit, null))
                .put("/api/v1/units/{code}", unit).then().statusCode(201);
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(201);
        return nip;
    }
}
