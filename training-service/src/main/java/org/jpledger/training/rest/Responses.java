package org.jpledger.training.rest;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jpledger.training.service.Upserted;

/** Status codes for create-or-update outcomes. */
final class Responses {

    private Responses() {
    }

    /** 201 when the call created the resource, 200 otherwise. */
    static Response upserted(Upserted<?> result) {
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK).entity(result.body()).build();
    }

    /** 201 with a Location when the call created the resource, 200 (an idempotent replay) otherwise. */
    static Response recorded(Upserted<?> result, URI location) {
        return result.created()
                ? Response.created(location).entity(result.body()).build()
                : Response.ok(result.body()).location(location).build();
    }
}
