package org.jpledger.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.paging.Cursor;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.support.paging.PageSize;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** Every filter of the audit search that the database could not take is a 400 naming it, never a 404 or a 500. */
class AuditResourceTest {

    private static final String BEYOND_THE_DATABASE = "+999999999-12-31T00:00:00Z";
    private final List<Object> searched = new ArrayList<>();
    private final AuditResource resource = new AuditResource(new AuditLog(null, null) {
        @Override
        public List<AuditEntry> search(OffsetDateTime from, OffsetDateTime to, String subject, String target,
                Long beforeId, int limit) {
            searched.addAll(Arrays.asList(from, to, subject, target, beforeId, limit));
            return List.of();
        }
    }, null, null, null);

    @Test
    void refusesALimitThatIsNoWholeNumberInRange() {
        for (String limit : List.of("ten", "0", "1001", "-5", "1.5", "99999999999")) {
            assertThat(fieldsRefused(null, null, null, null, limit)).as(limit).containsExactly("limit");
        }
    }

    @Test
    void refusesACursorNoPageGaveOut() {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> resource.search(null, null, null, null, new PageParameters(null, Cursor.after("seq", 3))));
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("cursor");
    }

    @Test
    void refusesTimesOutsideFourDigitYears() {
        assertThat(fieldsRefused(BEYOND_THE_DATABASE, "-000001-01-01T00:00:00Z", null, null, null))
                .containsExactly("from", "to");
        assertThat(fieldsRefused("0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", null, null, null))
                .containsExactly("from", "to");
    }

    @Test
    void refusesASubjectOrTargetHoldingANulCharacter() {
        assertThat(fieldsRefused(null, null, "ad\u0000min", "32\u0000", null)).containsExactly("subject", "target");
    }

    @Test
    void namesEveryBadFilterAtOnce() {
        assertThat(fieldsRefused("x", BEYOND_THE_DATABASE, "a\u0000", null, "ten"))
                .containsExactlyInAnyOrder("from", "to", "subject", "limit");
    }

    @Test
    void searchesWithTheFiltersGivenAndTheDefaultLimit() {
        resource.search("0001-01-01T00:00:00+07:00", "9999-12-31T23:59:59-01:00", " sikep-jabar ", "",
                new PageParameters("7", null));
        resource.search(null, null, null, null, new PageParameters(null, Cursor.after("audit", 12)));

        assertThat(searched).containsExactly(OffsetDateTime.parse("0001-01-01T00:00:00+07:00"),
                OffsetDateTime.parse("9999-12-31T23:59:59-01:00"), "sikep-jabar", null, null, 7,
                null, null, null, null, 12L, PageSize.AUDIT_LOG.standard());
    }

    private List<String> fieldsRefused(String from, String to, String subject, String target, String limit) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> resource.search(from, to, subject, target, new PageParameters(limit, null)));
        assertThat(searched).as("nothing searched").isEmpty();
        return refused.errors().stream().map(FieldError::field).toList();
    }
}
