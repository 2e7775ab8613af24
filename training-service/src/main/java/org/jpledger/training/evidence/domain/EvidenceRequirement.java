package org.jpledger.training.evidence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the completions of one training kind need before a verifier may verify them; no row: nothing. */
@Entity
@Table(name = "evidence_requirement")
public class EvidenceRequirement {

    @Id
    @Column(name = "kind_id")
    public int kindId;

    @Column(name = "certificate_number_required", nullable = false)
    public boolean certificateNumberRequired;

    @Column(name = "file_required", nullable = false)
    public boolean fileRequired;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
