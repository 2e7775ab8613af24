package org.jpledger.training.siasn.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.siasn.domain.Finding;
import org.jpledger.training.siasn.domain.MatchRule;
import org.jpledger.training.siasn.service.ItemView;
import org.jpledger.training.siasn.service.ReconciliationView;

/** A reconciliation with SIASN as the API shows it. */
@Schema(name = "SiasnReconciliation", description = "What SIASN holds for a unit subtree compared with the ledger: "
        + "counts, counts by unit and by employee, and (when read back) a page of its items.")
public record ReconciliationResponse(
        @Schema(description = "The reconciliation's id") UUID id,
        @Schema(description = "The unit whose subtree was reconciled") String unitCode,
        @Schema(description = "riwayat-kursus or riwayat-diklat-struktural") String shape,
        @Schema(description = "When it was made") Instant createdAt,
        @Schema(description = "The token subject that made it") String createdBy,
        @Schema(description = "How many records each finding has") ReconciliationView.Counts counts,
        @Schema(description = "The counts by the current unit of each record's employee; unitCode absent for records "
                + "whose NIP names no employee you may see") List<ReconciliationView.Summary> units,
        @Schema(description = "The counts of each employee with anything but clean matches, by NIP, up to the "
                + "configured number") List<ReconciliationView.Summary> employees,
        @Schema(description = "Whether more employees have such findings than employees lists (the file has all)")
        boolean employeesTruncated,
        @Schema(description = "A page of items, in item order (GET only)") List<Item> items,
        @Schema(description = "Pass as after for the next page of items; absent on the last") Integer nextAfter) {

    static ReconciliationResponse from(ReconciliationView v) {
        return new ReconciliationResponse(v.id(), v.unitCode(), v.shape(), v.createdAt(), v.createdBy(), v.counts(),
                v.units(), v.employees(), v.employeesTruncated(), v.items().stream().map(Item::from).toList(),
                v.nextAfter());
    }

    /** One finding. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SiasnReconciliationItem", description = "One finding: MATCHED (with differences, ledger and SIASN "
            + "side by side), LEDGER_ONLY, SIASN_ONLY, UNKNOWN_NIP, OUTSIDE_UNIT or INVALID_ROW")
    public record Item(
            @Schema(description = "The item's id within the reconciliation (for adoptions)") int id,
            Finding finding,
            @Schema(description = "Which rule matched (MATCHED only)") MatchRule matchRule,
            @Schema(description = "The SIASN file's data row (absent for LEDGER_ONLY)") Long rowNumber,
            String nip,
            @Schema(description = "The employee's current unit") String unitCode,
            @Schema(description = "The ledger completion (MATCHED, LEDGER_ONLY)") UUID completionId,
            @Schema(description = "SIASN's record id, when the file carried it") String siasnId,
            String title,
            @Schema(description = "The fields that differ on a match: jp, startDate, endDate, kindId") List<String> differences,
            Integer ledgerKindId, Integer siasnKindId, LocalDate ledgerStartDate, LocalDate siasnStartDate,
            LocalDate ledgerEndDate, LocalDate siasnEndDate,
            @Schema(description = "The JP on the ledger's certificate (stated, else day-rated), whole") Integer ledgerJp,
            @Schema(description = "SIASN's jumlahJam") Integer siasnJp,
            @Schema(description = "Why the row could not be read (INVALID_ROW)") String problem,
            @Schema(description = "The completion a SIASN-only record was taken in as") UUID adoptedCompletionId) {

        static Item from(ItemView i) {
            return new Item(i.id(), i.finding(), i.matchRule(), i.rowNumber(), i.nip(), i.unitCode(),
                    i.completionId(), i.siasnId(), i.title(), i.differences(), i.ledgerKindId(), i.siasnKindId(),
                    i.ledgerStartDate(), i.siasnStartDate(), i.ledgerEndDate(), i.siasnEndDate(), i.ledgerJp(),
                    i.siasnJp(), i.problem(), i.adoptedCompletionId());
        }
    }
}
