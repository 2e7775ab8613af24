package org.jpledger.training.evidence.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.Audited;
import org.jpledger.training.evidence.service.EvidenceRequirementService;

/** HTTP face of evidence requirements: what each training kind needs before its completions may be verified. */
@Path("/api/v1/verification/evidence-requirements")
@Tag(name = "Certificates", description = "Certificate files (evidence) of training completions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvidenceRequirementResource {

    private final EvidenceRequirementService requirements;

    public EvidenceRequirementResource(EvidenceRequirementService requirements) {
        this.requirements = requirements;
    }

    @GET
    @RolesAllowed({Access.POLICY_ADMIN, Access.TRAINING_VERIFIER, Access.TRAINING_WRITER, Access.TRAINING_READER})
    @Operation(summary = "List evidence requirements",
            description = "Every training kind with whether a certificate number and a certificate file are required "
                    + "before its completions may be verified. By default none is: the regulation has diklat "
                    + "struktural, fungsional and teknis end with an STTPP or sertifikat (issuesCertificate), but does "
                    + "not make the JP depend on showing it; requiring it is the agency's choice.")
    @APIResponse(responseCode = "200", description = "One entry per kind, in kind order", content = @Content(
            schema = @Schema(implementation = EvidenceRequirementResponse.class, type = SchemaType.ARRAY)))
    public List<EvidenceRequirementResponse> list() {
        return requirements.list().stream().map(EvidenceRequirementResponse::from).toList();
    }

    @PUT
    @Path("/{kindId}")
    @RolesAllowed(Access.POLICY_ADMIN)
    @Audited("verification.evidence-requirement")
    @Operation(summary = "Set a kind's evidence requirement",
            description = "Whether completions of the kind need a certificate number and/or a certificate file before "
                    + "a verifier may verify them (the verification is refused with 400 naming what is missing). "
                    + "Completions already verified stay verified.")
    @APIResponse(responseCode = "200", description = "The requirement as set",
            content = @Content(schema = @Schema(implementation = EvidenceRequirementResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such training kind")
    public EvidenceRequirementResponse set(
            @Parameter(description = "Id of the training kind (1-25)") @PathParam("kindId") int kindId,
            @Valid @NotNull EvidenceRequirementRequest body) {
        return EvidenceRequirementResponse.from(requirements.set(kindId, body.certificateNumber(), body.file()));
    }
}
