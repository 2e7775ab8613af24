package org.jpledger.training.xapi.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.jpledger.training.xapi.rules.StatementFormat;
import org.jpledger.training.xapi.store.StatementFilter;

/** StatementQuery: the GET /xapi/statements parameters, single or filtered, and the more link that continues a list. */
class StatementQueryTest {

    private static final int PAGE_SIZE = 100;
    private static final String STATEMENT_ID = "6f1b1c52-3b0f-4c1e-9d0a-6a3a0d7e2f10";
    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";

    /** Query parameters from name, value pairs, each given once, in order. */
    private static Map<String, List<String>> params(String... nameValues) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return params;
    }

    private static StatementQuery parse(String... nameValues) {
        return StatementQuery.parse(params(nameValues), PAGE_SIZE);
    }

    /** Asserts that the parameters are refused naming {@code field} alone. */
    private static void assertRefused(Map<String, List<String>> params, String field, String reason) {
        assertThatThrownBy(() -> StatementQuery.parse(params, PAGE_SIZE))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError(field, reason)));
    }

    private static void assertRefused(Map<String, List<String>> params, String field) {
        assertThatThrownBy(() -> StatementQuery.parse(params, PAGE_SIZE))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
    }

    /** The parameters of the more link's query string (the token after "?more="). */
    private static final StatementFilter.Position AT_4711 =
            new StatementFilter.Position(Instant.parse("2026-03-05T09:00:00.250Z"), 4711);
    private static final Instant CONSISTENT = Instant.parse("2026-03-06T00:00:00Z");

    private static Map<String, List<String>> followed(String moreLink) {
        assertThat(moreLink).startsWith("/xapi/statements?more=");
        return params("more", moreLink.substring("/xapi/statements?more=".length()));
    }

    @Test
    void readsOneStatementById() {
        StatementQuery query = parse("statementId", STATEMENT_ID, "format", "ids", "attachments", "true");
        assertThat(query.statementId()).isEqualTo(UUID.fromString(STATEMENT_ID));
        assertThat(query.voidedStatementId()).isNull();
        assertThat(query.filter()).isNull();
        assertThat(query.format()).isEqualTo(StatementFormat.IDS);
        assertThat(query.attachments()).isTrue();
        assertThat(query.after()).isNull();
    }

    @Test
    void readsOneVoidedStatementById() {
        StatementQuery query = parse("voidedStatementId", STATEMENT_ID);
        assertThat(query.voidedStatementId()).isEqualTo(UUID.fromString(STATEMENT_ID));
        assertThat(query.statementId()).isNull();
        assertThat(query.format()).isEqualTo(StatementFormat.EXACT);
    }

    @Test
    void statementIdWithFiltersIsRefused() {
        assertRefused(params("statementId", STATEMENT_ID, "verb", COMPLETED), "verb",
                "not allowed with statementId or voidedStatementId");
        assertRefused(params("voidedStatementId", STATEMENT_ID, "limit", "10"), "limit",
                "not allowed with statementId or voidedStatementId");
    }

    @Test
    void statementIdAndVoidedStatementIdTogetherAreRefused() {
        assertRefused(params("statementId", STATEMENT_ID, "voidedStatementId", STATEMENT_ID), "voidedStatementId");
    }

    @Test
    void unknownParameterIsRefused() {
        assertRefused(params("actor", "{}"), "actor", "is not a parameter of this resource");
        assertRefused(params("statementId", STATEMENT_ID, "page", "2"), "page", "is not a parameter of this resource");
    }

    @Test
    void parameterGivenTwiceIsRefused() {
        assertRefused(Map.of("verb", List.of(COMPLETED, COMPLETED)), "verb", "give it once");
    }

    @Test
    void statementIdMustBeACanonicalUuid() {
        assertRefused(params("statementId", "6f1b1c523b0f4c1e9d0a6a3a0d7e2f10"), "statementId", "must be a UUID");
        assertRefused(params("statementId", "6f1b1c52-3b0f-4c1e-9d0a-6a3a0d7e2f1g"), "statementId");
        assertRefused(params("statementId", "1-1-1-1-1"), "statementId");
        assertThat(StatementQuery.uuid("statementId", STATEMENT_ID.toUpperCase()))
                .isEqualTo(UUID.fromString(STATEMENT_ID));
    }

    @Test
    void uuidWithASignIsRefused() {
        assertThatThrownBy(() -> StatementQuery.uuid("statementId", "+2345678-1234-1234-1234-123456789012"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void readsEveryFilter() {
        StatementQuery query = parse(
                "agent", "{\"mbox\": \"mailto:siti@example.id\"}",
                "verb", COMPLETED,
                "activity", "https://lms.example.id/courses/1",
                "registration", "0b8f6a4e-2c1d-4e5f-8a9b-0c1d2e3f4a5b",
                "related_agents", "true",
                "related_activities", "true",
                "since", "2026-03-01T00:00:00+07:00",
                "until", "2026-03-31T23:59:59Z",
                "ascending", "true",
                "format", "canonical",
                "limit", "25");
        assertThat(query.filter()).isEqualTo(new StatementFilter(null, "mbox:mailto:siti@example.id", true, COMPLETED,
                "https://lms.example.id/courses/1", true, UUID.fromString("0b8f6a4e-2c1d-4e5f-8a9b-0c1d2e3f4a5b"),
                Instant.parse("2026-02-28T17:00:00Z"), Instant.parse("2026-03-31T23:59:59Z"), true));
        assertThat(query.limit()).isEqualTo(25);
        assertThat(query.format()).isEqualTo(StatementFormat.CANONICAL);
        assertThat(query.statementId()).isNull();
        assertThat(query.after()).isNull();
    }

    @Test
    void noParametersListEverythingNewestFirst() {
        StatementQuery query = parse();
        assertThat(query.filter()).isEqualTo(new StatementFilter(null, null, false, null, null, false, null, null, null, false));
        assertThat(query.limit()).isEqualTo(PAGE_SIZE);
        assertThat(query.format()).isEqualTo(StatementFormat.EXACT);
    }

    @Test
    void limitIsCappedByThePageSizeAndZeroAsksForTheCap() {
        assertThat(parse("limit", "0").limit()).isEqualTo(PAGE_SIZE);
        assertThat(parse("limit", "500").limit()).isEqualTo(PAGE_SIZE);
        assertThat(parse("limit", "1").limit()).isEqualTo(1);
    }

    @Test
    void limitMustBeANonNegativeWholeNumber() {
        assertRefused(params("limit", "-1"), "limit");
        assertRefused(params("limit", "ten"), "limit", "must be a whole number");
        assertRefused(params("limit", "2.5"), "limit");
    }

    @Test
    void agentMustBeAWellFormedIdentifiedAgentOrGroup() {
        assertRefused(params("agent", "mailto:siti@example.id"), "agent", "must be an Agent or Group as JSON");
        assertRefused(params("agent", "[]"), "agent");
        assertRefused(params("agent", "{\"mbox\": \"siti@example.id\"}"), "agent.mbox", "must be a mailto: IRI");
        assertRefused(params("agent", """
                {"objectType": "Group", "member": [{"mbox": "mailto:siti@example.id"}]}"""),
                "agent", "an anonymous group names no one; give an identifier");
    }

    @Test
    void filtersAreCheckedOneByOne() {
        assertRefused(params("verb", "completed"), "verb", "must be an absolute IRI");
        assertRefused(params("activity", "courses/1"), "activity");
        assertRefused(params("registration", "42"), "registration", "must be a UUID");
        assertRefused(params("since", "2026-03-01"), "since");
        assertRefused(params("until", "2026-03-01T00:00:00-00:00"), "until");
        assertRefused(params("ascending", "yes"), "ascending", "must be true or false");
        assertRefused(params("format", "full"), "format", "must be exact, ids or canonical");
    }

    @Test
    void untilBeforeSinceIsAnEmptyListNotAnError() {
        StatementQuery query = parse("since", "2026-03-05T20:00:00Z", "until", "2026-03-06T03:00:00+07:00");
        assertThat(query.filter().since()).isEqualTo(query.filter().until());
    }

    @Test
    void moreLinkCarriesTheFiltersAndPosition() {
        StatementQuery first = parse(
                "agent", "{\"mbox\": \"mailto:siti+lms@example.id\", \"name\": \"Siti & Budi = tim\"}",
                "verb", COMPLETED,
                "since", "2026-03-01T00:00:00+07:00",
                "ascending", "true",
                "format", "ids",
                "limit", "10");
        StatementQuery next = StatementQuery.parse(followed(first.moreLink("/xapi/statements", AT_4711, CONSISTENT)),
                PAGE_SIZE);
        assertThat(next.filter()).isEqualTo(first.filter().until(CONSISTENT));
        assertThat(next.filter().agent()).isEqualTo("mbox:mailto:siti+lms@example.id");
        assertThat(next.limit()).isEqualTo(10);
        assertThat(next.format()).isEqualTo(StatementFormat.IDS);
        assertThat(next.after()).isEqualTo(AT_4711);
    }

    @Test
    void moreLinkKeepsTheListToWhatWasStoredWhenItBegan() {
        StatementQuery open = StatementQuery.parse(followed(parse().moreLink("/xapi/statements", AT_4711, CONSISTENT)),
                PAGE_SIZE);
        StatementQuery earlier = StatementQuery.parse(followed(parse("until", "2026-03-01T00:00:00Z")
                .moreLink("/xapi/statements", AT_4711, CONSISTENT)), PAGE_SIZE);
        assertThat(open.filter().until()).isEqualTo(CONSISTENT);
        assertThat(earlier.filter().until()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void moreLinkOfAFollowedPageContinuesFromTheNewPosition() {
        StatementQuery first = parse("verb", COMPLETED);
        StatementQuery second = StatementQuery.parse(followed(first.moreLink("/xapi/statements", AT_4711, CONSISTENT)),
                PAGE_SIZE);
        StatementFilter.Position later = new StatementFilter.Position(Instant.parse("2026-03-05T10:00:00.123Z"), 20);
        StatementQuery third = StatementQuery.parse(followed(second.moreLink("/xapi/statements", later,
                CONSISTENT.plusSeconds(60))), PAGE_SIZE);
        assertThat(third.after()).isEqualTo(later);
        assertThat(third.filter()).isEqualTo(first.filter().until(CONSISTENT));
    }

    @Test
    void moreWithOtherParametersIsRefused() {
        Map<String, List<String>> params = followed(parse("verb", COMPLETED).moreLink("/xapi/statements", AT_4711,
                CONSISTENT));
        params.put("limit", List.of("5"));
        assertRefused(params, "more", "a more link is followed as it is, without other parameters");
    }

    @Test
    void moreTokenTheStoreDidNotGiveIsRefused() {
        assertRefused(params("more", "not base64!"), "more", "is not a more link this store gave");
        assertRefused(params("more", "dmVyYj1odHRw"), "more", "is not a more link this store gave");
        assertRefused(params("more", "X2FmdGVyPXNldmVu"), "more", "is not a more link this store gave");
    }
}
