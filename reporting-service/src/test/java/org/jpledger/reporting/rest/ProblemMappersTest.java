package org.jpledger.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.core.Response;
import org.jpledger.contracts.problem.Problem;
import org.junit.jupiter.api.Test;

/** Failures the HTTP tests cannot provoke: a 5xx answer must not reveal what went wrong inside. */
class ProblemMappersTest {

    private static final String SECRET = "jdbc:postgresql://db-7/reporting password=hunter2";

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void hidesTheCauseOfAnUnexpectedFailure() {
        Response response = mappers.unexpected(new IllegalStateException(SECRET));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(response.getEntity()).isInstanceOfSatisfying(Problem.class, problem -> {
            assertThat(problem.status()).isEqualTo(500);
            assertThat(problem.toString()).doesNotContain("hunter2");
        });
    }

    @Test
    void hidesTheMessageOfAServerErrorRaisedAsHttpException() {
        Response response = mappers.http(new InternalServerErrorException(SECRET));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getEntity().toString()).doesNotContain("hunter2");
    }
}
