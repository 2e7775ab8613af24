package org.jpledger.training;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import org.jpledger.localstack.TestTokens;

/**
 * The recognition rule timeline the test classes share. Rule history only grows forward (a new version's validFrom
 * must follow the latest's), and the classes run in no fixed order, so every test that stores a version goes through
 * here: the two-year timeline is stored once, while nothing later than 1900 exists, and any other version starts the
 * day after the latest with the latest's content (or an edit of it), changing nobody else's recognition.
 */
public final class RuleTimeline {

    /** The start of the 2024 version and of the 2026 version. */
    public static final LocalDate FROM_2024 = LocalDate.of(2024, 1, 1);
    public static final LocalDate FROM_2026 = LocalDate.of(2026, 1, 1);

    /** Sosialisasi: a kind counted by days only in the timeline's versions, at 3 JP a day in 2024, 5 JP from 2026. */
    public static final int DAY_KIND = 7;

    private static final String TABLE = """
            {"internationalFactor":1.20,"dayRates":[{"kindId":9,"jpPerDay":4,"jpPerDayInternational":6},
             {"kindId":4,"jpPerDay":5,"jpPerDayInternational":7},
             {"kindId":7,"jpPerDay":%s,"jpPerDayInternational":%s}],"validFrom":"%s"}""";

    private RuleTimeline() {
    }

    /** Stores the 2024 and 2026 versions, unless they are there; answers their versions (2024's, 2026's). */
    public static synchronized int[] ensureYears() {
        JsonPath versions = given().queryParam("limit", 500).get("/api/v1/admin/recognition-rules/versions")
                .then().statusCode(200).extract().jsonPath();
        Integer of2024 = versions.get("find { it.validFrom == '2024-01-01' }.version");
        Integer of2026 = versions.get("find { it.validFrom == '2026-01-01' }.version");
        if (of2024 == null) {
            of2024 = put(TABLE.formatted(3, 5, FROM_2024));
            of2026 = put(TABLE.formatted(5, 7, FROM_2026));
        }
        return new int[] {of2024, of2026};
    }

    /** The newest version, as the API shows it. */
    public static JsonPath latest() {
        // With its own token: a test of access control removes the default one.
        return given().header("Authorization", TestTokens.everything()).queryParam("limit", 1)
                .get("/api/v1/admin/recognition-rules/versions")
                .then().statusCode(200).extract().jsonPath().setRootPath("[0]");
    }

    /** The day after the newest version's validFrom: the earliest a next version may start. */
    public static LocalDate nextValidFrom() {
        return LocalDate.parse(latest().getString("validFrom")).plusDays(1);
    }

    /** A body for the next version: the newest version's content, from the day after its validFrom. */
    public static String nextVersion() {
        return nextVersion(0, null);
    }

    /** As {@link #nextVersion()}, with {@code jpPerDay} for the kind {@code kindId} (an existing day rate). */
    public static String nextVersion(int kindId, String jpPerDay) {
        JsonPath latest = latest();
        StringBuilder rates = new StringBuilder();
        for (int i = 0; i < latest.getList("dayRates").size(); i++) {
            if (i > 0) {
                rates.append(',');
            }
            int kind = latest.getInt("dayRates[" + i + "].kindId");
            rates.append("{\"kindId\":%s,\"jpPerDay\":%s,\"jpPerDayInternational\":%s}".formatted(kind,
                    kind == kindId ? jpPerDay : latest.getString("dayRates[" + i + "].jpPerDay"),
                    latest.getString("dayRates[" + i + "].jpPerDayInternational")));
        }
        return "{\"internationalFactor\":%s,\"dayRates\":[%s],\"validFrom\":\"%s\"}".formatted(
                latest.getString("internationalFactor"), rates, LocalDate.parse(latest.getString("validFrom")).plusDays(1));
    }

    /** Stores {@code body} as the next version (as the test suite's policy admin) and answers its version. */
    public static int put(String body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/v1/admin/recognition-rules")
                .then().statusCode(201).extract().path("version");
    }
}
