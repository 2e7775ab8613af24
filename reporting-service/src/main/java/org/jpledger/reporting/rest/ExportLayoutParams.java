package org.jpledger.reporting.rest;

import jakarta.ws.rs.QueryParam;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jpledger.reporting.export.ExportFormat;
import org.jpledger.reporting.export.ExportLayout;
import org.jpledger.support.problem.FieldErrors;

/** The query parameters that shape an export file: its format, header language, byte-order mark and separator. */
public class ExportLayoutParams {

    @Parameter(description = "csv (default) or xlsx")
    @QueryParam("format")
    String format;

    @Parameter(description = "Language: id (default; Bahasa Indonesia headers, and statuses, employment types, position "
            + "levels and leaving reasons by their Indonesian names, each followed by a column of its code) or en "
            + "(English headers, codes)")
    @QueryParam("lang")
    String lang;

    @Parameter(description = "CSV: start with a UTF-8 byte-order mark (for Excel)")
    @QueryParam("bom")
    Boolean bom;

    @Parameter(description = "CSV separator: comma (default) or semicolon (then decimals take a comma, as Excel in the "
            + "Indonesian locale expects)")
    @QueryParam("separator")
    String separator;

    /** The layout asked for, each setting at its default when absent; each invalid one named in {@code errors}. */
    ExportLayout layout(FieldErrors errors) {
        ExportFormat fileFormat = ExportFormat.CSV;
        if (format != null) {
            try {
                fileFormat = ExportFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("format", "must be csv or xlsx");
            }
        }
        boolean english = false;
        if (lang != null && !lang.equals("id")) {
            if (lang.equals("en")) {
                english = true;
            } else {
                errors.add("lang", "must be id or en");
            }
        }
        char separatorChar = ',';
        if (separator != null) {
            switch (separator) {
                case ",", "comma" -> separatorChar = ',';
                case ";", "semicolon" -> separatorChar = ';';
                default -> errors.add("separator", "must be comma or semicolon");
            }
        }
        return new ExportLayout(fileFormat, english, bom != null && bom, separatorChar);
    }
}
