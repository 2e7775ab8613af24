package org.jpledger.training.siasn.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One reconciliation of a SIASN file with the ledger for a unit subtree, with its counts by finding. */
@Entity
@Table(name = "siasn_reconciliation")
public class SiasnReconciliation {

    @Id
    public UUID id;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    /** The SIASN shape's slug: riwayat-kursus or riwayat-diklat-struktural. */
    @Column(nullable = false)
    public String shape;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "rows_read", nullable = false)
    public int rowsRead;

    @Column(nullable = false)
    public int matched;

    /** Matches with at least one difference (counted in {@link #matched} too). */
    @Column(name = "matched_differing", nullable = false)
    public int matchedDiffering;

    @Column(name = "ledger_only", nullable = false)
    public int ledgerOnly;

    @Column(name = "siasn_only", nullable = false)
    public int siasnOnly;

    @Column(name = "unknown_nip", nullable = false)
    public int unknownNip;

    @Column(name = "outside_unit", nullable = false)
    public int outsideUnit;

    @Column(name = "invalid_rows", nullable = false)
    public int invalidRows;
}
