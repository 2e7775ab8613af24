package org.jpledger.training.xapi.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.xapi.XapiProfile;
import org.jpledger.training.xapi.config.XapiConfig;

/** The xAPI About resource: the versions the store speaks, and the JP Ledger profile it maps completions by. */
@Path("/xapi/about")
@Tag(name = "xAPI")
@Produces(MediaType.APPLICATION_JSON)
public class XapiAboutResource {

    /** The About extension describing the JP Ledger profile. */
    static final String PROFILE = "https://jpledger.id/xapi/about/profile";

    private final XapiConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public XapiAboutResource(XapiConfig config, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Operation(summary = "What this Learning Record Store speaks",
            description = "The xAPI versions spoken (2.0.0, 1.0.3) and, as an extension, the JP Ledger profile: the "
                    + "home page of actor accounts named by NIP, the length of a JP and the extension IRIs. Needs no "
                    + "credentials and no version header.")
    @APIResponse(responseCode = "200", description = "The About object",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    public ObjectNode about() {
        ObjectNode about = mapper.createObjectNode();
        about.putArray("version").add(XapiProfile.VERSION_2).add(XapiProfile.VERSION_1);
        ObjectNode profile = about.putObject("extensions").putObject(PROFILE);
        profile.put("actorAccountHomePage", config.nipHomePage());
        // The one value reporting converts with too (TrainingCalendar), for the current training year.
        profile.put("minutesPerJp", TrainingCalendar.minutesPerJp(TrainingCalendar.today(clock).getYear()));
        profile.putArray("completionVerbs").add(XapiProfile.COMPLETED).add(XapiProfile.PASSED);
        ObjectNode result = profile.putObject("resultExtensions");
        result.put("jp", XapiProfile.JP);
        ObjectNode context = profile.putObject("contextExtensions");
        context.put("kind", XapiProfile.KIND);
        context.put("competencyType", XapiProfile.COMPETENCY_TYPE);
        context.put("deliveryMode", XapiProfile.DELIVERY_MODE);
        context.put("provider", XapiProfile.PROVIDER);
        context.put("startDate", XapiProfile.START_DATE);
        context.put("certificateNumber", XapiProfile.CERTIFICATE_NUMBER);
        context.put("international", XapiProfile.INTERNATIONAL);
        return about;
    }
}
