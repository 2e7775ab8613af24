package org.jpledger.training.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jpledger.support.problem.PreconditionException;
import org.jpledger.training.service.Upserted;

/** Status codes, ETags and If-Match handling shared by the resources. */
public final class Responses {

    private Responses() {
    }

    /** 201 when the call created the resource, 200 otherwise. */
    static Response upserted(Upserted<?> result) {
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK).entity(result.body()).build();
    }

    /** 201 with a Location when the call created the completion, 200 (an idempotent replay) otherwise; both with ETag. */
    static Response recorded(Upserted<CompletionResponse> result, URI location) {
        Response.ResponseBuilder builder = result.created() ? Response.created(location) : Response.ok().location(location);
        return builder.entity(result.body()).tag(etag(result.body().version())).build();
    }

    /** 200 with the completion and its version as ETag. */
    public static Response versioned(CompletionResponse completion) {
        return Response.ok(completion).tag(etag(completion.version())).build();
    }

    /**
     * The version an If-Match header names ({@code "3"}, {@code W/"3"} or {@code 3}); null when absent. A value that names
     * no version can match none, so it is answered like a stale one.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw PreconditionException.failed("If-Match " + ifMatch + " names no version of this completion");
        }
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
