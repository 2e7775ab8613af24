package org.jpledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.jpledger.bench.ProvinceGenerator.Completion;

/**
 * The raw limits of this machine, measured in the run on the same PostgreSQL and Kafka: batched JDBC inserts and COPY of
 * the province's completion rows into a scratch table with training-service's {@code completion} shape, constraints and
 * indexes; and a plain Kafka producer and consumer of 1 KB records on a scratch topic with the services' partitions.
 */
final class References {

    static final String JDBC_BATCH = "reference.jdbc-batch";
    static final String COPY = "reference.copy";
    static final String KAFKA_PRODUCE = "reference.kafka-produce";
    static final String KAFKA_CONSUME = "reference.kafka-consume";
    static final int JDBC_BATCH_SIZE = 1000;
    /** Partitions of the services' topics (training-service's jpledger.outbox.topic-partitions default). */
    static final int PARTITIONS = 6;
    static final int RECORD_BYTES = 1024;

    private static final String COLUMNS = "id, version, nip, title, kind_id, method, competency_type, delivery_mode, "
            + "provider, start_date, end_date, training_year, jp, days, international, recognized_jp, certificate_number, "
            + "source_system, external_id, recorded_at, status, rule_version, updated_at";

    private final BenchStack stack;
    private final ProvinceGenerator province;
    private final Log log;

    References(BenchStack stack, ProvinceGenerator province, Log log) {
        this.stack = stack;
        this.province = province;
        this.log = log;
    }

    /** All four figures; {@code rows} completions for PostgreSQL, {@code records} records for Kafka. */
    List<Measurement> measure(long rows, int records) throws Exception {
        List<Measurement> out = new ArrayList<>();
        prepareScratch();
        out.add(jdbcBatch(rows));
        out.add(copy(rows));
        out.addAll(kafka(records));
        return out;
    }

    private Connection scratch() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", "postgres");
        props.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(stack.jdbcUrl(BenchStack.SCRATCH_DB), props);
    }

    /** The employees the rows point to, and the rule table, loaded untimed. */
    private void prepareScratch() throws SQLException, IOException {
        try (Connection c = scratch(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS ref_completion, ref_employee, ref_rule_set");
            s.execute("CREATE TABLE ref_employee (nip varchar(18) PRIMARY KEY CHECK (nip ~ '^[0-9]{18}$'))");
            s.execute("CREATE TABLE ref_rule_set (version integer PRIMARY KEY)");
            s.execute("INSERT INTO ref_rule_set VALUES (1)");
            PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class),
                    "COPY ref_employee (nip) FROM STDIN");
            StringBuilder text = new StringBuilder();
            for (ProvinceGenerator.Employee e : province.employees()) {
                text.append(e.nip()).append('\n');
            }
            copy.write(text.toString().getBytes(StandardCharsets.UTF_8));
            copy.endCopy();
        }
    }

    /** training-service's completion table (migrations V1 and V3), under another name. */
    private static void createCompletionTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS ref_completion");
            s.execute("""
                    CREATE TABLE ref_completion (
                        id                 uuid         PRIMARY KEY,
                        version            bigint       NOT NULL,
                        nip                varchar(18)  NOT NULL REFERENCES ref_employee (nip),
                        title              varchar(300) NOT NULL,
                        kind_id            smallint     NOT NULL CHECK (kind_id BETWEEN 1 AND 25),
                        method             varchar(12)  NOT NULL,
                        competency_type    varchar(20)  NOT NULL,
                        delivery_mode      varchar(8)   NOT NULL,
                        provider           varchar(200) NOT NULL,
                        start_date         date         NOT NULL,
                        end_date           date         NOT NULL,
                        training_year      integer      NOT NULL,
                        jp                 numeric(7, 2),
                        days               integer,
                        international      boolean      NOT NULL,
                        recognized_jp      numeric(7, 2) NOT NULL,
                        certificate_number varchar(100),
                        source_system      varchar(64)  NOT NULL,
                        external_id        varchar(128) NOT NULL,
                        recorded_at        timestamptz  NOT NULL,
                        status             varchar(8)   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'VOIDED')),
                        void_reason        varchar(500),
                        rule_version       integer      NOT NULL DEFAULT 1 REFERENCES ref_rule_set (version),
                        idempotency_key    varchar(200),
                        updated_at         timestamptz  NOT NULL,
                        seq                bigserial    NOT NULL,
                        CONSTRAINT ref_completion_dates CHECK (end_date >= start_date),
                        CONSTRAINT ref_completion_external_id UNIQUE (source_system, external_id),
                        CONSTRAINT ref_completion_idempotency_key UNIQUE (idempotency_key)
                    )""");
            s.execute("CREATE INDEX ref_completion_nip_year ON ref_completion (nip, training_year)");
            s.execute("CREATE UNIQUE INDEX ref_completion_seq ON ref_completion (seq)");
            s.execute("CREATE INDEX ref_completion_nip_seq ON ref_completion (nip, seq)");
            s.execute("CREATE INDEX ref_completion_end_date ON ref_completion (end_date)");
        }
    }

    private Measurement jdbcBatch(long rows) throws Exception {
        try (Connection c = scratch()) {
            createCompletionTable(c);
            c.setAutoCommit(false);
            log.step("reference: batched JDBC insert of %,d completion rows (batches of %d, one connection)", rows,
                    JDBC_BATCH_SIZE);
            Batches batches = new Batches(province.completions().iterator(), rows, JDBC_BATCH_SIZE);
            long inserted = 0;
            long started = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ref_completion (" + COLUMNS
                    + ") VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 1, ?)")) {
                List<Completion> batch;
                while (!(batch = batches.next()).isEmpty()) {
                    Timestamp now = Timestamp.from(Instant.now());
                    for (Completion row : batch) {
                        bind(insert, row, now);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                    inserted += batch.size();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = inserted / seconds;
            log.figure("reference.jdbc-batch", "%,.0f rows/s (%,d rows in %.1f s)", rate, inserted, seconds);
            return new Measurement(JDBC_BATCH, "Raw PostgreSQL batched JDBC insert of the same completion rows", rate,
                    "rows/s", null, null, null, null,
                    "The province's first %,d completion rows into a scratch table with training's completion columns, constraints and indexes (FK to an employee table, unique keys, 4 indexes); batches of %d with reWriteBatchedInserts=true, a commit per batch, one connection; synchronous commit; %.1f s"
                            .formatted(inserted, JDBC_BATCH_SIZE, seconds));
        }
    }

    private static void bind(PreparedStatement p, Completion r, Timestamp now) throws SQLException {
        p.setObject(1, UUID.nameUUIDFromBytes((r.sourceSystem() + "/" + r.externalId()).getBytes(StandardCharsets.UTF_8)));
        p.setString(2, r.nip());
        p.setString(3, r.title());
        p.setShort(4, (short) r.kindId());
        p.setString(5, r.method().name());
        p.setString(6, r.competencyType().name());
        p.setString(7, r.deliveryMode().name());
        p.setString(8, r.provider());
        p.setDate(9, Date.valueOf(r.startDate()));
        p.setDate(10, Date.valueOf(r.endDate()));
        p.setInt(11, r.endDate().getYear());
        p.setBigDecimal(12, r.jp());
        if (r.days() == null) {
            p.setNull(13, Types.INTEGER);
        } else {
            p.setInt(13, r.days());
        }
        p.setBoolean(14, r.international());
        p.setBigDecimal(15, r.recognizedJp());
        p.setString(16, r.certificateNumber());
        p.setString(17, r.sourceSystem());
        p.setString(18, r.externalId());
        p.setTimestamp(19, now);
        p.setTimestamp(20, now);
    }

    private Measurement copy(long rows) throws Exception {
        try (Connection c = scratch()) {
            createCompletionTable(c);
            c.setAutoCommit(false);
            int perCopy = 100_000;
            log.step("reference: COPY of %,d completion rows (a COPY and a commit per %,d rows)", rows, perCopy);
            Batches batches = new Batches(province.completions().iterator(), rows, 10_000);
            long copied = 0;
            long started = System.nanoTime();
            PGCopyOutputStream out = null;
            List<Completion> chunk;
            StringBuilder text = new StringBuilder(4 << 20);
            while (!(chunk = batches.next()).isEmpty()) {
                if (out == null) {
                    out = new PGCopyOutputStream(c.unwrap(PGConnection.class), "COPY ref_completion (" + COLUMNS
                            + ") FROM STDIN (FORMAT text)", 1 << 20);
                }
                text.setLength(0);
                String now = Instant.now().toString();
                for (Completion r : chunk) {
                    copyLine(text, r, now);
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                copied += chunk.size();
                if (copied % perCopy == 0) {
                    out.endCopy();
                    c.commit();
                    out = null;
                }
            }
            if (out != null) {
                out.endCopy();
                c.commit();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = copied / seconds;
            log.figure("reference.copy", "%,.0f rows/s (%,d rows in %.1f s)", rate, copied, seconds);
            return new Measurement(COPY, "Raw PostgreSQL COPY of the same completion rows", rate, "rows/s", null, null,
                    null, null, "The same %,d rows into a fresh scratch table of the same shape; text COPY, a commit per %,d rows, one connection; %.1f s"
                            .formatted(copied, perCopy, seconds));
        }
    }

    private static void copyLine(StringBuilder b, Completion r, String now) {
        b.append(UUID.nameUUIDFromBytes((r.sourceSystem() + "/" + r.externalId()).getBytes(StandardCharsets.UTF_8)))
                .append('\t').append(1)
                .append('\t').append(r.nip())
                .append('\t').append(escape(r.title()))
                .append('\t').append(r.kindId())
                .append('\t').append(r.method().name())
                .append('\t').append(r.competencyType().name())
                .append('\t').append(r.deliveryMode().name())
                .append('\t').append(escape(r.provider()))
                .append('\t').append(r.startDate())
                .append('\t').append(r.endDate())
                .append('\t').append(r.endDate().getYear())
                .append('\t').append(r.jp() == null ? "\\N" : r.jp().toPlainString())
                .append('\t').append(r.days() == null ? "\\N" : r.days().toString())
                .append('\t').append(r.international() ? 't' : 'f')
                .append('\t').append(r.recognizedJp().toPlainString())
                .append('\t').append(r.certificateNumber() == null ? "\\N" : escape(r.certificateNumber()))
                .append('\t').append(escape(r.sourceSystem()))
                .append('\t').append(escape(r.externalId()))
                .append('\t').append(now)
                .append("\tACTIVE\t1\t").append(now)
                .append('\n');
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private List<Measurement> kafka(int records) throws Exception {
        String topic = "bench.reference." + System.currentTimeMillis();
        Map<String, Object> common = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        List<ProvinceGenerator.Employee> employees = province.employees();
        byte[][] values = new byte[64][];
        java.util.SplittableRandom random = new java.util.SplittableRandom(province.seed());
        for (int i = 0; i < values.length; i++) {
            byte[] v = new byte[RECORD_BYTES];
            for (int j = 0; j < v.length; j++) {
                v[j] = (byte) ('a' + random.nextInt(26));
            }
            values[i] = v;
        }
        Properties p = new Properties();
        p.putAll(common);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        log.step("reference: Kafka producer, %,d records of %d bytes, acks=all, idempotent, %d partitions", records,
                RECORD_BYTES, PARTITIONS);
        double produceSeconds;
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.partitionsFor(topic);
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, employees.get(i % employees.size()).nip(),
                        values[i % values.length]), (meta, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
            produceSeconds = (System.nanoTime() - started) / 1e9;
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the reference producer failed", failure.get());
        }
        double produceRate = records / produceSeconds;
        log.figure("reference.kafka-produce", "%,.0f records/s (%.1f s)", produceRate, produceSeconds);

        Properties cp = new Properties();
        cp.putAll(common);
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        log.step("reference: Kafka consumer of the same %,d records (500 per poll, all partitions)", records);
        long consumed = 0;
        double consumeSeconds;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) {
                partitions.add(new TopicPartition(topic, i));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.position(partitions.get(0));
            long started = System.nanoTime();
            long deadline = started + Duration.ofMinutes(10).toNanos();
            while (consumed < records) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(500));
                consumed += polled.count();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the reference consumer read only " + consumed + " of " + records);
                }
            }
            consumeSeconds = (System.nanoTime() - started) / 1e9;
        }
        double consumeRate = consumed / consumeSeconds;
        log.figure("reference.kafka-consume", "%,.0f records/s (%.1f s)", consumeRate, consumeSeconds);
        try (Admin admin = Admin.create(common)) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.warn("could not delete the scratch topic %s: %s", topic, e.getMessage());
        }
        return List.of(
                new Measurement(KAFKA_PRODUCE, "Raw Kafka producer, 1 KB records, acks=all", produceRate, "records/s",
                        null, null, null, null,
                        "%,d records of %d bytes keyed by NIP to a scratch topic of %d partitions; idempotent producer, linger.ms=5 (as the outbox relay), one producer; first send to flush %.1f s"
                                .formatted(records, RECORD_BYTES, PARTITIONS, produceSeconds)),
                new Measurement(KAFKA_CONSUME, "Raw Kafka consumer of the same records", consumeRate, "records/s",
                        null, null, null, null,
                        "%,d records, one consumer assigned all %d partitions, max.poll.records=500; first poll to last record %.1f s"
                                .formatted(consumed, PARTITIONS, consumeSeconds)));
    }

    /**
     * Batches of generated rows made ahead on a thread of their own, so the figure measures the database and not the
     * generator.
     */
    private static final class Batches {

        private static final List<Completion> END = List.of();
        private final BlockingQueue<List<Completion>> queue = new ArrayBlockingQueue<>(8);
        private volatile RuntimeException failure;

        Batches(Iterator<Completion> rows, long limit, int size) {
            Thread producer = new Thread(() -> {
                try {
                    long taken = 0;
                    List<Completion> batch = new ArrayList<>(size);
                    while (taken < limit && rows.hasNext()) {
                        batch.add(rows.next());
                        taken++;
                        if (batch.size() == size) {
                            queue.put(batch);
                            batch = new ArrayList<>(size);
                        }
                    }
                    if (!batch.isEmpty()) {
                        queue.put(batch);
                    }
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure = e;
                    queue.offer(END);
                }
            }, "reference-rows");
            producer.setDaemon(true);
            producer.start();
        }

        List<Completion> next() {
            try {
                List<Completion> batch = queue.take();
                if (batch == END && failure != null) {
                    throw failure;
                }
                return batch;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
