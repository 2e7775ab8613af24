package org.jpledger.reporting.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code year} and {@code view} query parameters of the reads that answer a closed year's figures. */
public class FiguresViewParam extends YearParam {

    @Parameter(description = "closed (default): a closed year's figures as its standing closing holds them; live: the "
            + "figures as rated now, whatever the closing", example = "live")
    @QueryParam("view")
    @Pattern(regexp = "closed|live", message = "must be closed or live")
    String view;

    /** Whether the live figures were asked for. */
    public boolean live() {
        return "live".equals(view);
    }
}
