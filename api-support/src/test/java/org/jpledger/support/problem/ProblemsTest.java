package org.jpledger.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.limits.NotUtf8Exception;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.junit.jupiter.api.Test;

/**
 * Failures the HTTP tests cannot provoke, or only some of: a 5xx answer must not reveal what went wrong inside, and
 * every way a body can fail to be read names the body or its field.
 */
class ProblemsTest {

    private static final String SECRET = "jdbc:postgresql://db-7/reporting password=hunter2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOO_DEEP = "[".repeat(1001) + "]".repeat(1001);
    private static final String TOO_LONG_NUMBER = "{\"jp\": 1" + "0".repeat(2000) + "}";

    /** A request type Jackson cannot build: it has no creator. */
    interface Shapeless {
    }

    /** A response type Jackson cannot write: it has no properties. */
    static final class Opaque {
    }

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

    @Test
    void namesTheBodyWhenTheParserRefusesItsDepthOrANumbersLengthAndSaysWhy() {
        // The JSON reader wraps the parser's limits in a plain 400, as it does a malformed body.
        Problem deep = Problems.from(new WebApplicationException(readFailure(TOO_DEEP, Object.class), 400));
        Problem digits = Problems.from(new WebApplicationException(readFailure(TOO_LONG_NUMBER, Object.class), 400));

        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.reason()).contains("nesting depth", "1000").doesNotContain("StreamReadConstraints");
        });
        assertThat(digits.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.reason()).contains("Number value length").doesNotContain("StreamReadConstraints");
        });
    }

    @Test
    void namesTheFieldWhoseValueHeldBytesThatAreNotUtf8() {
        NotUtf8Exception notUtf8 = new NotUtf8Exception("is not valid UTF-8: an overlong encoding at byte 30");
        JsonMappingException inTitle = JsonMappingException.wrapWithPath(notUtf8, new Object(), "title");

        assertThat(Problems.from(new WebApplicationException(inTitle, 400)).errors())
                .containsExactly(new FieldError("title", notUtf8.getMessage()));
        assertThat(Problems.from(notUtf8).errors()).containsExactly(new FieldError("body", notUtf8.getMessage()));
    }

    @Test
    void answersABodyOverTheCapFoundWhileAFieldWasReadAs413() {
        PayloadTooLargeException tooLarge = new PayloadTooLargeException("over the JSON limit");

        assertThat(Problems.from(JsonMappingException.wrapWithPath(tooLarge, new Object(), "title")).status())
                .isEqualTo(413);
    }

    @Test
    void answersARequestBodyItsTypeCannotTakeAs400NamingTheBody() {
        Throwable unreadable = readFailure("{}", Shapeless.class);

        assertThat(unreadable).isInstanceOf(InvalidDefinitionException.class);
        Problem problem = Problems.from(unreadable);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("body");
        assertThat(problem.toString()).doesNotContain(Shapeless.class.getName());
    }

    @Test
    void answersAResponseThatCannotBeWrittenAs500ProblemNotAsTheClientsFault() {
        Throwable unwritable = catchThrowable(() -> JSON.writeValueAsString(new Opaque()));

        assertThat(unwritable).isInstanceOf(InvalidDefinitionException.class);
        Problem problem = Problems.from(unwritable);
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.toString()).doesNotContain(Opaque.class.getSimpleName());
        Response response = Problems.response(problem);
        assertThat(response.getEntity()).isEqualTo(problem);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    }

    private static Throwable readFailure(String json, Class<?> type) {
        return catchThrowable(() -> JSON.readValue(json, type));
    }
}
