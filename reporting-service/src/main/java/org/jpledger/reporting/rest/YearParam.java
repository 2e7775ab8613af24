package org.jpledger.reporting.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code year} query parameter of the compliance reads and exports: one declaration, one description, one rule. */
public class YearParam {

    static final String YEAR_RANGE = "must be a year from 2000 to 2100";

    @Parameter(description = "Training year; the current year in Asia/Jakarta when absent", example = "2026")
    @QueryParam("year")
    @Min(value = 2000, message = YEAR_RANGE)
    @Max(value = 2100, message = YEAR_RANGE)
    Integer year;

    /** The training year asked for, or null for the current one. */
    public Integer year() {
        return year;
    }
}
