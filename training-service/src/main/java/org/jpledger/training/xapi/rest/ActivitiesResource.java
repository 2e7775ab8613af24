package org.jpledger.training.xapi.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.training.xapi.rules.ActivityDefinitions;
import org.jpledger.training.xapi.store.ActivityService;

/**
 * The xAPI Activities Resource (Communication 2.5): an Activity object with the definition the caller's own statements
 * gave it.
 */
@Path("/xapi/activities")
@Tag(name = "xAPI")
@Produces(MediaType.APPLICATION_JSON)
public class ActivitiesResource {

    private static final String ACTIVITY_ID = "activityId";

    private final ActivityService activities;

    public ActivitiesResource(ActivityService activities) {
        this.activities = activities;
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ADMIN})
    @Operation(summary = "An activity with its canonical definition",
            description = "The Activity object {objectType, id, definition}: the definition as the caller's own "
                    + "statements gave it (as object, context activity or sub-statement object), language maps merged "
                    + "across them with the newest statement's texts winning and every other field as the newest "
                    + "statement giving it says. An activity the caller gave no definition has none here, and is still "
                    + "answered. HEAD answers the same without the body.")
    @Parameter(name = ACTIVITY_ID, in = ParameterIn.QUERY, required = true, description = "The activity's IRI")
    @APIResponse(responseCode = "200", description = "The Activity object",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "No activityId, one that is not an absolute IRI, an unknown or "
            + "repeated parameter, or no xAPI version header")
    public ObjectNode get(@Context UriInfo uri) {
        String id = QueryParameters.of(uri, Set.of(ACTIVITY_ID)).get(ACTIVITY_ID);
        return activities.activity(ActivityDefinitions.activityId(id, ACTIVITY_ID));
    }
}
