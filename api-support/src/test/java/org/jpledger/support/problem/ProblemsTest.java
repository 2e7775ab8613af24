package org.jpledger.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

/** Failures the HTTP tests cannot provoke: a 5xx answer must not reveal what went wrong inside. */
class ProblemsTest {

    private static final String SECRET = "jdbc:postgresql://db-7/reporting password=hunter2";

    @Test
    void hidesTheCauseOfAnUnexpectedFailure() {
        Problem problem = Problems.from(new IllegalStateException(SECRET));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.toString()).doesNotContain("hunter2");
        assertThat(Problems.response(problem).getMediaType()).hasToString(Problem.MEDIA_TYPE);
    }

    @Test
    void hidesTheMessageOfAServerErrorRaisedAsHttpException() {
        Problem problem = Problems.from(new InternalServerErrorException(SECRET));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.toString()).doesNotContain("hunter2");
    }

    @Test
    void namesEachRefusedFieldAndKeepsTheStatusOfOtherClientErrors() {
        assertThat(Problems.from(InvalidRequestException.of("cursor", "is not a cursor")).errors())
                .containsExactly(new FieldError("cursor", "is not a cursor"));
        assertThat(Problems.from(new ResourceNotFoundException("no such unit")).status()).isEqualTo(404);
        assertThat(Problems.from(new NotFoundException()).status()).isEqualTo(404);
        assertThat(Problems.from(PreconditionException.required("send If-Match")).status()).isEqualTo(428);
        assertThat(Problems.from(new ConflictException("taken")).status()).isEqualTo(409);
        assertThat(Problems.from(new InvalidRequestException(List.of(new FieldError("a", "x"), new FieldError("b", "y"))))
                .errors()).hasSize(2);
    }
}
