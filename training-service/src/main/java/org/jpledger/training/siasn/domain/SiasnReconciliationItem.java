package org.jpledger.training.siasn.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One finding of a reconciliation: a match (with the fields that differ, ledger and SIASN side by side), a ledger-only
 * completion, a SIASN-only record (with the command that takes it in), or a SIASN row that could not be placed.
 */
@Entity
@Table(name = "siasn_reconciliation_item")
@IdClass(SiasnReconciliationItem.Key.class)
public class SiasnReconciliationItem {

    @Id
    @Column(name = "reconciliation_id")
    public UUID reconciliationId;

    /** The item's number within its reconciliation, from 1: its id in the API. */
    @Id
    @Column(name = "item_no")
    public int itemNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Finding finding;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_rule")
    public MatchRule matchRule;

    /** The data row of the SIASN file (1 is the first after a CSV header); null for a ledger-only item. */
    @Column(name = "row_number")
    public Long rowNumber;

    public String nip;

    /** The employee's current unit; null when the NIP names none the caller sees. */
    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "completion_id")
    public UUID completionId;

    @Column(name = "siasn_id")
    public String siasnId;

    public String title;

    /** The fields that differ on a match, in SIASN's names; empty for none. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] differences = {};

    @Column(name = "ledger_kind_id")
    public Integer ledgerKindId;

    @Column(name = "siasn_kind_id")
    public Integer siasnKindId;

    @Column(name = "ledger_start_date")
    public LocalDate ledgerStartDate;

    @Column(name = "siasn_start_date")
    public LocalDate siasnStartDate;

    @Column(name = "ledger_end_date")
    public LocalDate ledgerEndDate;

    @Column(name = "siasn_end_date")
    public LocalDate siasnEndDate;

    /** The ledger's certificate JP as SIASN would hold it (a whole number). */
    @Column(name = "ledger_jp")
    public Integer ledgerJp;

    @Column(name = "siasn_jp")
    public Integer siasnJp;

    /** Why the row could not be read or placed. */
    public String problem;

    /** The new-completion command (JSON) a SIASN-only record is taken in by. */
    public String command;

    @Column(name = "adopted_completion_id")
    public UUID adoptedCompletionId;

    /** The composite key: reconciliation and item number. */
    public record Key(UUID reconciliationId, int itemNo) implements Serializable {

        public Key() {
            this(null, 0);
        }
    }
}
