package org.jpledger.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, the body of every 4xx and 5xx answer of both services ({@code application/problem+json}).
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  short, human-readable summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong in this occurrence
 * @param errors one entry per offending field, empty when the problem is not about fields
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field: a JSON path or parameter name, and why it was refused. */
    public record FieldError(String field, String reason) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("https://jpledger.org/problems/invalid-request", "Invalid request", 400, detail, null, errors);
    }
}
