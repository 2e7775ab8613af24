package org.jpledger.reporting.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.projection.Employee;
import org.jpledger.reporting.projection.EmployeeYearTotal;

/**
 * An employee's recognized lesson hours (JP) in one training year.
 *
 * @param completionCount    the year's completions that count: voided ones do not
 * @param lastCompletionDate end date of the latest counted completion that year, null without any
 */
@Schema(description = "An employee's recognized lesson hours (JP) in one training year")
public record EmployeeComplianceResponse(
        @Schema(description = "18-digit NIP", examples = "198503122010012003") String nip,
        @Schema(examples = "Siti Rahayu") String name,
        @Schema(description = "Code of the employee's unit", examples = "BKD-JATENG") String unitCode,
        @Schema(description = "Training year (calendar year, Asia/Jakarta)", examples = "2026") int year,
        @Schema(description = "Recognized JP in the year", examples = "24.00") BigDecimal totalJp,
        @Schema(description = "Completions counted in the year (voided ones are not)", examples = "3")
        int completionCount,
        @Schema(description = "End date of the latest completion counted; absent without completions")
        LocalDate lastCompletionDate) {

    /** @param total null when the employee has no counted completion in the year */
    public static EmployeeComplianceResponse from(Employee employee, int year, EmployeeYearTotal total) {
        if (total == null) {
            return new EmployeeComplianceResponse(employee.nip, employee.name, employee.unitCode, year, BigDecimal.ZERO, 0,
                    null);
        }
        return new EmployeeComplianceResponse(employee.nip, employee.name, employee.unitCode, year, total.totalJp,
                total.completionCount, total.lastCompletionDate);
    }
}
