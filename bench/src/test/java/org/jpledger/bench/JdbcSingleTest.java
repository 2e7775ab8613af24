package org.jpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.jpledger.bench.ProvinceGenerator.Completion;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.localstack.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain-JDBC reference runs training-service's statements against its real schema and leaves what it leaves. */
class JdbcSingleTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.startThrowaway().createDatabaseIfMissing("training");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void recordsACompletionWithItsHistoryOutboxRowAndAuditEntry() throws Exception {
        String url = postgres.jdbcUrl("training");
        TrainingSchema.create(url, PostgresServer.USER, PostgresServer.USER, "public");
        ProvinceGenerator province = new ProvinceGenerator(7, 50, LocalDate.of(2026, 6, 30));
        Employee e = province.employees().stream()
                .filter(x -> !x.leaves() && x.trainingWindow(province.lastDay()) != null).findFirst().orElseThrow();
        Completion r = province.extraCompletion(e, "jdbc-single-test-1", 0x51);
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.USER);
                Statement sql = c.createStatement()) {
            sql.execute("INSERT INTO unit (code, name, parent_code, version, updated_at) VALUES ('" + e.unitCode()
                    + "', 'Unit', NULL, 1, now())");
            sql.execute("INSERT INTO employee (nip, name, employment_type, position_level, unit_code, employed_from, "
                    + "version, updated_at) VALUES ('" + e.nip() + "', 'Someone', '" + e.type().name() + "', '"
                    + e.level().name() + "', '" + e.unitCode() + "', DATE '" + e.employedFrom() + "', 1, now())");

            JdbcSingle.record(c, r, "bench-jdbc-single-test-1");

            try (ResultSet rs = sql.executeQuery("SELECT nip, external_id, idempotency_key, status, version FROM "
                    + "completion")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("nip")).isEqualTo(e.nip());
                assertThat(rs.getString("external_id")).isEqualTo("jdbc-single-test-1");
                assertThat(rs.getString("idempotency_key")).isEqualTo("bench-jdbc-single-test-1");
                assertThat(rs.getString("status")).isEqualTo("ACTIVE");
                assertThat(rs.next()).isFalse();
            }
            assertThat(count(sql, "completion_history WHERE change = 'RECORDED' AND version = 1")).isEqualTo(1);
            assertThat(count(sql, "outbox_event WHERE event_type = '" + EventTypes.COMPLETION_RECORDED_V1
                    + "' AND message_key = '" + e.nip() + "' AND published_at IS NULL")).isEqualTo(1);
            assertThat(count(sql, "audit_entry WHERE action = 'completion.record' AND target_nip = '" + e.nip() + "'"))
                    .isEqualTo(1);
        }
    }

    private static long count(Statement sql, String from) throws Exception {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
