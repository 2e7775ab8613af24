package org.jpledger.training.verification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.support.problem.FieldErrors;

/** Body of {@code PUT /api/v1/verification/trusted-sources/{unitCode}}. */
@Schema(name = "TrustedSourcesRequest", description = "The source systems a unit subtree trusts, replacing its list.")
public record TrustedSourcesRequest(
        @Schema(description = "Source system ids (as completions name them in sourceSystem), each once; at most "
                + TrustedSourcesRequest.MAX + "; empty trusts none", examples = "[\"simdiklat-bpsdmd\"]")
        @NotNull @Size(max = MAX) List<@NotBlank @Size(max = 64) String> sourceSystems) {

    /** Most source systems one unit may trust. */
    public static final int MAX = 50;

    /** The list, each entry once; a repeated entry is refused naming it (400). */
    List<String> distinct() {
        FieldErrors errors = new FieldErrors();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sourceSystems.size(); i++) {
            if (!seen.add(sourceSystems.get(i))) {
                errors.add("sourceSystems[" + i + "]", "listed twice");
            }
        }
        errors.throwIfAny();
        return sourceSystems;
    }
}
