package org.jpledger.reporting.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An employee's recognized JP in one training year, derived from the year's active (not voided) completion facts. */
@Entity
@Table(name = "employee_year_total")
@IdClass(EmployeeYearTotal.Key.class)
public class EmployeeYearTotal {

    @Id
    public String nip;

    @Id
    public int year;

    @Column(name = "total_jp", nullable = false)
    public BigDecimal totalJp;

    @Column(name = "completion_count", nullable = false)
    public int completionCount;

    @Column(name = "last_completion_date")
    public LocalDate lastCompletionDate;

    /** Primary key: one row per employee and year. */
    public record Key(String nip, int year) implements Serializable {
    }
}
