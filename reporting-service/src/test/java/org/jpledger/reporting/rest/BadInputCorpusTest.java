package org.jpledger.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.Sql;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile requests against every endpoint, read from the corpus in {@code bad-input/*.json} (format in
 * its README): each is answered with its exact 4xx as problem+json naming the problem, and leaves every table a write
 * could touch as it was.
 */
@QuarkusTest
class BadInputCorpusTest {

    private static final String CORPUS = "bad-input";
    /** A year whose stored policy the corpus tries to overwrite; no other test uses it. */
    private static final int POLICY_YEAR = 2095;
    /**
     * Everything a write of this service could add, change or remove, as one comparable line. The audit log is checked
     * apart (see {@link #assertAudited}); consumer offsets move with the consumer, never with a request.
     */
    private static final String TABLES = """
            SELECT concat_ws(' ',
                'policy', (SELECT count(*) || '/v' || coalesce(sum(version), 0) FROM policy),
                'unit', (SELECT count(*) FROM unit),
                'employee', (SELECT count(*) FROM employee),
                'unit_history', (SELECT count(*) FROM employee_unit_history),
                'completion_fact', (SELECT count(*) FROM completion_fact),
                'employee_year', (SELECT count(*) FROM employee_year),
                'held_event', (SELECT count(*) FROM held_event),
                'parked_event', (SELECT count(*) || '/r' || coalesce(sum(retry_count), 0) FROM parked_event),
                'export_run', (SELECT count(*) FROM export_run))""";
    /** {@code ${repeat:text:count}}: long path values that would bloat the corpus. */
    private static final Pattern REPEAT = Pattern.compile("\\$\\{repeat:([^:}]*):(\\d+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    // The JDK client sends exactly the bytes and headers a case names; REST Assured would add a content type and charset.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static Fixture fixture;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    /** {@code text} repeated {@code times} times (once when absent): how huge and deeply nested bodies are written. */
    record Part(String text, Integer times) {

        String written() {
            return text.repeat(times == null ? 1 : times);
        }
    }

    /**
     * One request of the corpus and how it must be refused.
     *
     * @param path        sent exactly as written (already percent-encoded), after the placeholders {unit}, {nip} and
     *                    {policyYear} are replaced, and {@code ${repeat:text:count}} written out
     * @param contentType the Content-Type header; none when absent
     * @param body        the body as UTF-8 text; or {@code bodyBase64}, raw bytes; or {@code bodyParts}, generated
     * @param chunked     send the body without a Content-Length, so only counting while reading can cap it
     * @param fields      exactly the parameters or JSON paths the problem's errors must name, if it is about fields
     * @param mentions    a fragment the problem's detail or one of its reasons must contain (case-insensitive)
     * @param audited     whether the refusal is in the audit log: calls of an audited endpoint that reached it are,
     *                    with outcome rejected; a request no endpoint accepted (404, 405, 406, 413, 415) never did
     * @param why         what the case is about, when its name does not say
     * @param skip        why the case is left out for now (a fix outside this service); reported as skipped
     */
    record BadInput(String name, String method, String path, Map<String, String> headers, String contentType,
            String body, String bodyBase64, List<Part> bodyParts, boolean chunked, int status, List<String> fields,
            String mentions, boolean audited, String why, String skip) {

        byte[] bodyBytes() {
            if (body != null) {
                return body.getBytes(StandardCharsets.UTF_8);
            }
            if (bodyBase64 != null) {
                return Base64.getDecoder().decode(bodyBase64);
            }
            if (bodyParts != null) {
                StringBuilder text = new StringBuilder();
                bodyParts.forEach(part -> text.append(part.written()));
                return text.toString().getBytes(StandardCharsets.UTF_8);
            }
            return null;
        }
    }

    /** A case with the corpus file it came from, named for the test report. */
    record Case(String file, BadInput input) {

        @Override
        public String toString() {
            return file + "/" + input.name();
        }
    }

    /** Every case of every corpus file; a file is {@code {"defaults": {...}, "cases": [...]}}, each case over them. */
    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpusDirectory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode corpus = JSON.readTree(file.toFile());
                String name = file.getFileName().toString().replace(".json", "");
                for (JsonNode entry : corpus.get("cases")) {
                    ObjectNode spec = corpus.has("defaults") ? corpus.get("defaults").deepCopy() : JSON.createObjectNode();
                    spec.setAll((ObjectNode) entry);
                    cases.add(new Case(name, JSON.treeToValue(spec, BadInput.class)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(cases).extracting(Case::toString).doesNotHaveDuplicates();
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.input().status()).as("status of %s", c).isBetween(400, 499);
            assertThat(c.input().fields() != null || c.input().mentions() != null)
                    .as("%s names the fields or words the problem must name", c).isTrue();
        });
        return cases.stream();
    }

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            fixture = Fixture.build(new LedgerEvents(bootstrapServers, mapper), new Projections(dataSource));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithItsStatusAsAProblemNamingItAndStoresNothing(Case c) throws Exception {
        BadInput input = c.input();
        Assumptions.assumeTrue(input.skip() == null, () -> "left out: " + input.skip());
        // A subject of its own per case: its audit entries are told apart, and no case spends another's allowance of
        // rate-limited calls (the allowance is per client, else per subject).
        String subject = "bad-input " + UUID.randomUUID();
        String tablesBefore = tables();

        HttpResponse<byte[]> response = send(input, subject);

        String text = new String(response.body(), StandardCharsets.UTF_8);
        String shown = c + " answered " + (text.length() > 2000 ? text.substring(0, 2000) + "..." : text);
        assertThat(response.statusCode()).as("status; %s", shown).isEqualTo(input.status());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as("content type; %s", shown)
                .startsWith(Problem.MEDIA_TYPE);
        JsonNode problem = JSON.readTree(text);
        assertThat(problem.path("status").asInt()).as("problem status; %s", shown).isEqualTo(input.status());
        List<String> fields = new ArrayList<>();
        List<String> texts = new ArrayList<>(List.of(problem.path("detail").asText()));
        problem.path("errors").forEach(error -> {
            fields.add(error.path("field").asText());
            texts.add(error.path("reason").asText());
        });
        if (input.fields() != null) {
            // A field may break several rules at once (too large and too many digits): each field counts once.
            assertThat(fields.stream().distinct().toList()).as("fields the problem names; %s", shown)
                    .containsExactlyInAnyOrderElementsOf(input.fields());
        }
        if (input.mentions() != null) {
            assertThat(texts).as("detail and reasons; %s", shown)
                    .anySatisfy(t -> assertThat(t).containsIgnoringCase(input.mentions()));
        }
        assertThat(tables()).as("tables after %s", c).isEqualTo(tablesBefore);
        assertAudited(c, subject);
    }

    private static HttpResponse<byte[]> send(BadInput input, String subject) throws IOException, InterruptedException {
        byte[] body = input.bodyBytes();
        BodyPublisher publisher = body == null ? BodyPublishers.noBody()
                : input.chunked() ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + fixture.resolve(input.path())))
                .timeout(Duration.ofMinutes(2))
                .method(input.method(), publisher)
                .header("Authorization", TestTokens.bearer(Token.withRoles(Access.ROLES.toArray(String[]::new))
                        .units(Access.ALL_UNITS).subject(subject)));
        if (input.contentType() != null) {
            request.header("Content-Type", input.contentType());
        }
        if (input.headers() != null) {
            input.headers().forEach(request::header);
        }
        return HTTP.send(request.build(), BodyHandlers.ofByteArray());
    }

    /**
     * Refusals of an audited endpoint are in the audit log, as docs/operations.md promises:
     * so the one table a refused request does change is audit_entry, by exactly one rejected entry of the caller. The
     * entry is written after the answer, hence the wait.
     */
    private void assertAudited(Case c, String subject) {
        String sql = "SELECT count(*) || ' ' || coalesce(string_agg(outcome || ' ' || status, ','), '') FROM audit_entry "
                + "WHERE subject = ?";
        if (c.input().audited()) {
            await().atMost(Compliance.PATIENCE).untilAsserted(() -> assertThat(Sql.single(dataSource, sql, subject))
                    .as("audit entries of %s", c).contains("1 rejected " + c.input().status()));
        } else {
            assertThat(Sql.single(dataSource, sql, subject)).as("audit entries of %s", c).contains("0 ");
        }
    }

    private String tables() {
        return Sql.single(dataSource, TABLES).orElseThrow();
    }

    private static Path corpusDirectory() {
        try {
            return Path.of(Objects.requireNonNull(BadInputCorpusTest.class.getClassLoader().getResource(CORPUS),
                    CORPUS + " is not on the test class path").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A unit and an employee known to reporting, and a stored policy, so that cases fail for their input alone. */
    record Fixture(String unit, String nip) {

        static Fixture build(LedgerEvents events, Projections projections) {
            String unit = "BAD-INPUT-" + UUID.randomUUID().toString().substring(0, 8);
            String nip = freshNip();
            try (events) {
                projections.awaitHandled(events.unit(unit, "Dinas Masukan Buruk", 1));
                projections.awaitHandled(events.employee(new EmployeeUpserted(nip, "Sri Wahyuni", EmploymentType.PNS,
                        PositionLevel.PELAKSANA, unit, LocalDate.of(2010, 1, 1), null, 1,
                        List.of(new UnitAssignment(unit, LocalDate.of(2010, 1, 1))))));
            }
            given().contentType(ContentType.JSON).body("{\"targetJp\": 24}").put("/api/v1/policies/{year}", POLICY_YEAR)
                    .then().statusCode(201);
            return new Fixture(unit, nip);
        }

        /** The path with the fixture's values, and each {@code ${repeat:text:count}} written out. */
        String resolve(String path) {
            String resolved = path.replace("{unit}", unit).replace("{nip}", nip)
                    .replace("{policyYear}", Integer.toString(POLICY_YEAR));
            return REPEAT.matcher(resolved).replaceAll(m -> Matcher.quoteReplacement(
                    m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
    }
}
