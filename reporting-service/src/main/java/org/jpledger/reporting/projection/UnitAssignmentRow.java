package org.jpledger.reporting.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/** One entry of an employee's unit history: the unit they belong to from a date on. */
@Entity
@Table(name = "employee_unit_history")
@IdClass(UnitAssignmentRow.Key.class)
public class UnitAssignmentRow {

    @Id
    public String nip;

    @Id
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    /** Primary key: one unit per employee and date. */
    public record Key(String nip, LocalDate effectiveFrom) implements Serializable {
    }
}
