package org.jpledger.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local PostgreSQL and Kafka are real servers, and the persistent ones keep their data across a restart. */
class EmbeddedServersTest {

    @TempDir
    Path data;

    @Test
    void postgresKeepsDataAcrossARestartOfThePersistentServer() throws Exception {
        int port = LoopbackPorts.free();
        try (PostgresServer pg = PostgresServer.startPersistent(data.resolve("pg"), data.resolve("bin"), port)) {
            pg.createDatabaseIfMissing("training");
            try (var c = DriverManager.getConnection(pg.jdbcUrl("training"), PostgresServer.USER, "")) {
                c.createStatement().execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
            }
        }
        try (PostgresServer pg = PostgresServer.startPersistent(data.resolve("pg"), data.resolve("bin"), port);
                var c = DriverManager.getConnection(pg.jdbcUrl("training"), PostgresServer.USER, "")) {
            var rs = c.createStatement().executeQuery("SELECT v FROM kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void kafkaKeepsTopicsAcrossARestartOfThePersistentBroker() throws Exception {
        int port = LoopbackPorts.free();
        int controller = LoopbackPorts.free();
        try (KafkaBroker broker = KafkaBroker.startPersistent(data.resolve("kafka"), port, controller);
                Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaBroker broker = KafkaBroker.startPersistent(data.resolve("kafka"), port, controller);
                Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept");
        }
    }

    @Test
    void throwawayServersLeaveNoDataBehind() throws Exception {
        Path logDirectory;
        try (KafkaBroker broker = KafkaBroker.startThrowaway()) {
            logDirectory = broker.logDirectory();
            assertThat(Files.isDirectory(logDirectory)).isTrue();
        }
        assertThat(Files.exists(logDirectory)).isFalse();
    }
}
