package org.jpledger.training.verification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A source system whose completions count as checked for the employees of one unit and the units below it. */
@Entity
@Table(name = "trusted_source")
@IdClass(TrustedSource.Key.class)
public class TrustedSource {

    @Id
    @Column(name = "unit_code")
    public String unitCode;

    @Id
    @Column(name = "source_system")
    public String sourceSystem;

    /** The admin (token subject) who added the entry. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The identity of an entry: one unit trusts one source system at most once. */
    public static class Key implements Serializable {

        public String unitCode;
        public String sourceSystem;

        public Key() {
        }

        public Key(String unitCode, String sourceSystem) {
            this.unitCode = unitCode;
            this.sourceSystem = sourceSystem;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(unitCode, k.unitCode)
                    && Objects.equals(sourceSystem, k.sourceSystem);
        }

        @Override
        public int hashCode() {
            return Objects.hash(unitCode, sourceSystem);
        }
    }
}
