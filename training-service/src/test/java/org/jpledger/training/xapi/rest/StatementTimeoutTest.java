package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.jpledger.contracts.problem.Problem;
import org.junit.jupiter.api.Test;

/** A request's query that runs past the statement timeout ends as a 503 problem and gives its connection back. */
@QuarkusTest
@TestProfile(StatementTimeoutTest.OneSecond.class)
class StatementTimeoutTest {

    /** A statement timeout short enough for a test to wait out. */
    public static class OneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jpledger.database.statement-timeout", "1s");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void answersAQueryStuckPastTheTimeoutWith503AndRetryAfter() throws SQLException {
        String nip = registeredEmployee();
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE employee IN ACCESS EXCLUSIVE MODE");
            }

            given().when().get("/api/v1/employees/{nip}", nip)
                    .then().statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", "5")
                    .body("status", equalTo(503));

            locker.rollback();
        }
        given().when().get("/api/v1/employees/{nip}", nip).then().statusCode(200).body("nip", equalTo(nip));
    }

    @Test
    void backgroundWorkHoldsItsConnectionWithoutTheTimeout() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement show = connection.createStatement();
                ResultSet setting = show.executeQuery("SHOW statement_timeout")) {
            setting.next();

            assertThat(setting.getString(1)).isEqualTo("0");
        }
    }
}
