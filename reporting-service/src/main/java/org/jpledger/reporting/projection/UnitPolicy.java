package org.jpledger.reporting.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The compliance policy of a unit's subtree in one training year; wins over the national one below the unit. */
@Entity
@Table(name = "unit_policy")
@IdClass(UnitPolicy.Key.class)
public class UnitPolicy extends PolicyFields {

    @Id
    public int year;

    @Id
    @Column(name = "unit_code")
    public String unitCode;

    /** Year and unit code. */
    public record Key(int year, String unitCode) implements Serializable {
    }
}
